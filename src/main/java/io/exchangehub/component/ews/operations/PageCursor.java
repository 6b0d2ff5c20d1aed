package io.exchangehub.component.ews.operations;

import io.exchangehub.model.InvalidRequestException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.zip.CRC32;

/**
 * The opaque cursor of message pages: the bound (pages after the first list only items received
 * before it), the offset of the next page under that bound, how many items of the first page lie
 * above the bound (for the total count), and a fingerprint of the folder, filters and sort the
 * pages belong to.
 *
 * <p>Why a bound and not only an offset: EWS pages by offset, and mail that arrives while a
 * client pages would push every later item one place down (the next page would repeat items).
 * With every page after the first restricted to items received before the bound, new mail is
 * outside the listing and offsets stay put: no duplicate, no gap. EWS restrictions compare whole
 * seconds, so for the default order (newest first) the bound is the first page's newest second
 * itself: the items of that second the first page showed are left out of the later pages and the
 * next offset is reduced by their number, and mail arriving within that very second cannot slip in.
 * (Only when a whole first page falls into one second, and for other sort orders, the bound is the
 * end of that second, where mail arriving within it could still shift a page by one.) Items deleted
 * during paging shift later offsets; the consumer's change events tell the client of those.
 *
 * <p>Encoding: 8 bytes bound (epoch ms), 4 bytes offset, 4 bytes carried, 4 bytes fingerprint,
 * base64url without padding, prefixed with a version letter.
 *
 * @param before      items received at or after this are not listed
 * @param offset      where the page starts under the bound
 * @param carried     items of the first page above the bound
 * @param fingerprint the CRC32 of what the listing is of
 */
record PageCursor(Instant before, int offset, int carried, int fingerprint) {

    private static final String VERSION = "b";

    String encode() {
        ByteBuffer buffer = ByteBuffer.allocate(20).putLong(before.toEpochMilli()).putInt(offset).putInt(carried)
                .putInt(fingerprint);
        return VERSION + Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
    }

    /**
     * @param fingerprint the fingerprint of the listing asked for now
     * @throws InvalidRequestException when the cursor is not one of ours, or of another listing
     */
    static PageCursor decode(String cursor, int fingerprint) {
        try {
            if (!cursor.startsWith(VERSION)) {
                throw new IllegalArgumentException("unknown cursor version");
            }
            ByteBuffer buffer = ByteBuffer.wrap(Base64.getUrlDecoder().decode(cursor.substring(VERSION.length())));
            PageCursor decoded = new PageCursor(Instant.ofEpochMilli(buffer.getLong()), buffer.getInt(), buffer.getInt(),
                    buffer.getInt());
            if (buffer.hasRemaining() || decoded.offset < 0 || decoded.carried < 0) {
                throw new IllegalArgumentException("malformed cursor");
            }
            if (decoded.fingerprint != fingerprint) {
                throw new InvalidRequestException("The cursor belongs to another folder, filter or sort", "InvalidCursor", null);
            }
            return decoded;
        } catch (IllegalArgumentException | java.nio.BufferUnderflowException e) {
            throw new InvalidRequestException("The cursor is not valid", "InvalidCursor", null, e);
        }
    }

    static int fingerprint(Object... parts) {
        CRC32 crc = new CRC32();
        for (Object part : parts) {
            crc.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
            crc.update(0);
        }
        return (int) crc.getValue();
    }
}
