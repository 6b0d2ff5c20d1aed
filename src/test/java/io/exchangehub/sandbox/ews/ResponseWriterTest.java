package io.exchangehub.sandbox.ews;

import static org.assertj.core.api.Assertions.assertThat;

import io.exchangehub.sandbox.store.GeneratedContent;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ResponseWriterTest {

    private static String write(XmlOut root) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResponseWriter.write(root, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void contentsAreBase64EncodedChunkByChunkIntoOneValidValue() throws Exception {
        GeneratedContent content = new GeneratedContent(9, 200_001, new byte[0]);
        String xml = write(new XmlOut("t:Content").attr("xmlns:t", Soap.TYPES).binary(content));
        String text = xml.substring(xml.indexOf('>', xml.indexOf("<t:Content")) + 1, xml.indexOf("</t:Content>"));
        try (InputStream in = content.open()) {
            assertThat(Base64.getDecoder().decode(text)).isEqualTo(in.readAllBytes());
        }
        String streamed = write(new XmlOut("t:MimeContent").attr("xmlns:t", Soap.TYPES)
                .binary(out -> out.write("Subject: hi\r\n\r\nbody".getBytes(StandardCharsets.US_ASCII))));
        assertThat(streamed).contains(">" + Base64.getEncoder().encodeToString("Subject: hi\r\n\r\nbody".getBytes()) + "<");
    }

    @Test
    void textIsEscapedAndCharactersXmlCannotCarryAreReplaced() throws Exception {
        String xml = write(new XmlOut("t:Subject").attr("xmlns:t", Soap.TYPES).attr("Name", "a\"b<c")
                .text("Tom & Jerry <3 \u0001 bell\u0007 \uD83D\uDE00 \uD800"));
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>")
                .contains("Name=\"a&quot;b&lt;c\"", "Tom &amp; Jerry &lt;3   bell  \uD83D\uDE00  <");
    }
}
