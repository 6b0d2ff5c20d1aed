package io.exchangehub.component.ews.operations;

import io.exchangehub.model.InvalidRequestException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.zip.CRC32;

/**
 * The opaque cursor of message pages: the snapshot bound (the newest receipt time the first page
 * saw), the offset of the next page under that bound, and a fingerprint of the folder, filters
 * and sort the pages belong to.
 *
 * <p>Why a bound and not only an offset: EWS pages by offset, and mail that arrives while a
 * client pages would push every later item one place down (the next page would repeat items).
 * Every page after the first is restricted to items received at or before the bound, so new
 * mail is outside the listing and offsets stay put: no duplicate, no gap. (Items deleted during
 * paging still shift later offsets; the consumer's change events tell the client of those. EWS
 * restrictions compare whole seconds, so the bound covers the whole second of the newest item:
 * mail arriving within that same second could still shift a page by one.)
 *
 * <p>Encoding: 8 bytes bound (epoch ms), 4 bytes offset, 4 bytes fingerprint, base64url without
 * padding, prefixed with a version letter.
 *
 * @param bound       items received after this are not listed
 * @param offset      where the page starts
 * @param fingerprint the CRC32 of what the listing is of
 */
record PageCursor(Instant bound, int offset, int fingerprint) {

    private static final String VERSION = "a";

    String encode() {
        ByteBuffer buffer = ByteBuffer.allocate(16).putLong(bound.toEpochMilli()).putInt(offset).putInt(fingerprint);
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
            PageCursor decoded = new PageCursor(Instant.ofEpochMilli(buffer.getLong()), buffer.getInt(), buffer.getInt());
            if (buffer.hasRemaining() || decoded.offset < 0) {
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
