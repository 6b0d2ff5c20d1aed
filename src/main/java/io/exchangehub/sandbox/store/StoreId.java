package io.exchangehub.sandbox.store;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.CRC32;

/**
 * A decoded store id. Encoded ids are URL-safe base64 of {@code kind, mailbox, number, extra}
 * and a CRC-16 so that a mistyped or truncated id is told apart from an unknown one (Exchange
 * answers the first with ErrorInvalidIdMalformed and the second with ErrorItemNotFound). They
 * are opaque to clients and safe in URLs and XML alike.
 *
 * @param kind    what the id names
 * @param mailbox the ordinal of the mailbox that holds it
 * @param number  the object's number within its mailbox (the parent item's for an attachment is in {@code extra})
 * @param extra   the parent item's number (attachments) or the original start in epoch seconds (occurrences); 0 otherwise
 */
public record StoreId(IdKind kind, int mailbox, long number, long extra) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int VERSION = 0x48;

    public String encode() {
        boolean hasExtra = kind == IdKind.ATTACHMENT || kind == IdKind.OCCURRENCE;
        ByteBuffer buffer = ByteBuffer.allocate(hasExtra ? 21 : 13);
        buffer.put((byte) VERSION).put((byte) kind.code).put((byte) mailbox).putLong(number);
        if (hasExtra) {
            buffer.putLong(extra);
        }
        buffer.putShort(checksum(buffer.array(), buffer.position()));
        return ENCODER.encodeToString(buffer.array());
    }

    /**
     * Decodes an id of the expected kind.
     *
     * @throws StoreException with {@link StoreError#MALFORMED_ID} if the text is not an id this store made
     */
    public static StoreId decode(String text, IdKind expected) {
        StoreId id = decode(text);
        if (id.kind != expected) {
            throw new StoreException(StoreError.MALFORMED_ID, "Id is malformed.");
        }
        return id;
    }

    /** Decodes an id of any kind. */
    public static StoreId decode(String text) {
        if (text == null || text.isEmpty() || text.length() > 64) {
            throw malformed();
        }
        byte[] bytes;
        try {
            bytes = DECODER.decode(text);
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
        if ((bytes.length != 13 && bytes.length != 21) || (bytes[0] & 0xff) != VERSION) {
            throw malformed();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        buffer.get();
        IdKind kind = IdKind.of(buffer.get());
        int mailbox = buffer.get() & 0xff;
        long number = buffer.getLong();
        boolean hasExtra = kind == IdKind.ATTACHMENT || kind == IdKind.OCCURRENCE;
        if (kind == null || hasExtra != (bytes.length == 21)) {
            throw malformed();
        }
        long extra = hasExtra ? buffer.getLong() : 0;
        if (buffer.getShort() != checksum(bytes, bytes.length - 2)) {
            throw malformed();
        }
        return new StoreId(kind, mailbox, number, extra);
    }

    private static StoreException malformed() {
        return new StoreException(StoreError.MALFORMED_ID, "Id is malformed.");
    }

    private static short checksum(byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        return (short) crc.getValue();
    }
}
