package io.exchangehub.component.ews.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exchangehub.model.InvalidRequestException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PageCursorTest {

    @Test
    void aCursorSurvivesItsUrlSafeEncoding() {
        int fingerprint = PageCursor.fingerprint("alice", "inbox", "-receivedAt", null);
        PageCursor cursor = new PageCursor(Instant.parse("2026-03-01T10:15:30Z"), 9_950, 3, fingerprint);
        String encoded = cursor.encode();
        assertThat(encoded).matches("[A-Za-z0-9_-]+");
        assertThat(PageCursor.decode(encoded, fingerprint)).isEqualTo(cursor);
    }

    @Test
    void aCursorOfAnotherListingOrATamperedOneIsRefused() {
        int fingerprint = PageCursor.fingerprint("alice", "inbox");
        String encoded = new PageCursor(Instant.EPOCH, 50, 0, fingerprint).encode();
        assertThatThrownBy(() -> PageCursor.decode(encoded, PageCursor.fingerprint("alice", "drafts")))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> PageCursor.decode(encoded.substring(0, encoded.length() - 3), fingerprint))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> PageCursor.decode("zzz", fingerprint)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void fingerprintsTellListingsApart() {
        assertThat(PageCursor.fingerprint("a", "bc")).isNotEqualTo(PageCursor.fingerprint("ab", "c"));
        assertThat(PageCursor.fingerprint("a", null)).isEqualTo(PageCursor.fingerprint("a", null));
    }
}
