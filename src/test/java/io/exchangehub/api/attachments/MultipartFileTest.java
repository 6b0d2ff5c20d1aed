package io.exchangehub.api.attachments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exchangehub.api.ApiException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultipartFileTest {

    private static final String BOUNDARY = "----WebKitFormBoundary7MA4YWxkTrZu0gW";

    private final List<ApiException> failures = new ArrayList<>();

    @Test
    void readsTheFilePartWithItsSizeFromTheDeclaredLength() throws IOException {
        String content = "line one\r\n--not the boundary\r\nline three";
        byte[] body = body("file", "Grüße.txt", content, "\r\n--" + BOUNDARY + "--\r\n");
        MultipartFile file = read(body);
        assertThat(file.name()).isEqualTo("Grüße.txt");
        assertThat(file.contentType()).isEqualTo("text/plain");
        assertThat(file.size()).isEqualTo(content.getBytes(StandardCharsets.UTF_8).length);
        assertThat(new String(file.content().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(content);
        assertThat(failures).isEmpty();
    }

    @Test
    void aSecondPartFailsTheReadBeforeTheFileIsWhole() throws IOException {
        byte[] body = body("file", "a.txt", "abc", "\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\ny\r\n--"
                + BOUNDARY + "--\r\n");
        MultipartFile file = read(body);
        assertThatThrownBy(() -> file.content().readAllBytes()).isInstanceOf(IOException.class);
        assertThat(failures).singleElement().extracting(Throwable::getMessage).asString().contains("more than one part");
    }

    @Test
    void anEndingWithoutTheFinalLineBreakFailsTheRead() throws IOException {
        MultipartFile file = read(body("file", "a.txt", "abcdef", "\r\n--" + BOUNDARY + "--"));
        InputStream content = file.content();
        assertThatThrownBy(content::readAllBytes).isInstanceOf(IOException.class);
        assertThat(failures).hasSize(1);
    }

    @Test
    void aPartNotNamedFileOrABodyWithoutItsBoundaryIsRefused() {
        assertThatThrownBy(() -> read(body("other", "a.txt", "abc", "\r\n--" + BOUNDARY + "--\r\n"))).isInstanceOf(ApiException.class);
        byte[] garbage = "hello world\r\n".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> MultipartFile.read(new ByteArrayInputStream(garbage), BOUNDARY, garbage.length, failures::add))
                .isInstanceOf(ApiException.class);
    }

    private MultipartFile read(byte[] body) throws IOException {
        return MultipartFile.read(new ByteArrayInputStream(body), BOUNDARY, body.length, failures::add);
    }

    private static byte[] body(String name, String fileName, String content, String ending) {
        return ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/plain\r\n\r\n" + content + ending).getBytes(StandardCharsets.UTF_8);
    }
}
