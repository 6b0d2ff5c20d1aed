package io.exchangehub.api.attachments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exchangehub.api.ApiException;
import org.junit.jupiter.api.Test;

class AttachmentFilesTest {

    @Test
    void anAsciiNameIsOneQuotedFilename() {
        assertThat(AttachmentFiles.contentDisposition("Board-pack-Q3.pdf")).isEqualTo("attachment; filename=\"Board-pack-Q3.pdf\"");
    }

    @Test
    void aNonAsciiNameGetsAnAsciiFallbackAndTheExactNameInFilenameStar() {
        assertThat(AttachmentFiles.contentDisposition("Grüße €.txt"))
                .isEqualTo("attachment; filename=\"Gru_e _.txt\"; filename*=UTF-8''Gr%C3%BC%C3%9Fe%20%E2%82%AC.txt");
        assertThat(AttachmentFiles.contentDisposition("報告.pdf")).isEqualTo("attachment; filename=\"__.pdf\"; filename*=UTF-8''%E5%A0%B1%E5%91%8A.pdf");
    }

    @Test
    void quotesBackslashesAndLineBreaksNeverBreakTheHeader() {
        String header = AttachmentFiles.contentDisposition("evil\"\r\nSet-Cookie: a=b\\.html");
        assertThat(header).doesNotContain("\r").doesNotContain("\n");
        assertThat(header).isEqualTo("attachment; filename=\"evil_Set-Cookie: a=b_.html\"; filename*=UTF-8''evil%22Set-Cookie%3A%20a%3Db%5C.html");
        assertThat(AttachmentFiles.contentDisposition(null)).isEqualTo("attachment; filename=\"attachment\"");
        assertThat(AttachmentFiles.contentDisposition("\r\n")).isEqualTo("attachment; filename=\"attachment\"");
    }

    @Test
    void aBackendsMediaTypeIsSentOnlyWhenItIsOne() {
        assertThat(AttachmentFiles.mediaType("application/pdf")).isEqualTo("application/pdf");
        assertThat(AttachmentFiles.mediaType("text/plain; charset=utf-8")).isEqualTo("text/plain; charset=utf-8");
        assertThat(AttachmentFiles.mediaType("text/html\r\nSet-Cookie: a=b")).isEqualTo("application/octet-stream");
        assertThat(AttachmentFiles.mediaType("pdf")).isEqualTo("application/octet-stream");
        assertThat(AttachmentFiles.mediaType(null)).isEqualTo("application/octet-stream");
    }

    @Test
    void anUploadsNameWithControlCharactersIsRefused() {
        assertThat(AttachmentFiles.uploadName(" report.pdf ", "/query/name")).isEqualTo("report.pdf");
        assertThatThrownBy(() -> AttachmentFiles.uploadName("a\r\nb.txt", "/query/name")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> AttachmentFiles.uploadName(" ", "/query/name")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> AttachmentFiles.uploadName("x".repeat(256), "/query/name")).isInstanceOf(ApiException.class);
    }
}
