package io.exchangehub.sandbox.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class UploadSessionsTest {

    @Test
    void aSessionShowsNeitherItsTokenNorItsFileName() {
        UploadSessions.Session session = new UploadSessions.Session("session-1", "the-upload-secret", "carol@contoso.example",
                "owner-1", false, "Merger plans.pdf", 4_000_000, "application/pdf", false, null, Path.of("upload.bin"));
        assertThat(session.toString()).contains("session-1").doesNotContain("the-upload-secret", "Merger");
    }
}
