package io.exchangehub.sandbox.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StoreIdTest {

    @Test
    void idsRoundTripAndAreUrlSafe() {
        StoreId item = new StoreId(IdKind.ITEM, 3, 123_456L, 0);
        StoreId attachment = new StoreId(IdKind.ATTACHMENT, 1, 77, 123_456L);
        assertThat(StoreId.decode(item.encode())).isEqualTo(item);
        assertThat(StoreId.decode(attachment.encode(), IdKind.ATTACHMENT)).isEqualTo(attachment);
        assertThat(item.encode()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void aChangedOrTruncatedIdIsMalformedNotUnknown() {
        String id = new StoreId(IdKind.FOLDER, 0, 42, 0).encode();
        char flipped = id.charAt(5) == 'A' ? 'B' : 'A';
        String tampered = id.substring(0, 5) + flipped + id.substring(6);
        for (String bad : new String[] {tampered, id.substring(0, id.length() - 2), "not an id!", "", "AAAA"}) {
            assertThatThrownBy(() -> StoreId.decode(bad)).as(bad)
                    .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.error()).isEqualTo(StoreError.MALFORMED_ID));
        }
    }

    @Test
    void anIdOfAnotherKindIsMalformed() {
        String folderId = new StoreId(IdKind.FOLDER, 0, 42, 0).encode();
        assertThatThrownBy(() -> StoreId.decode(folderId, IdKind.ITEM))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.error()).isEqualTo(StoreError.MALFORMED_ID));
    }
}
