package io.exchangehub.sandbox.store;

import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * ChangeKeys (EWS) and {@code changeKey}/{@code @odata.etag} (Graph): a version stamp of one
 * object, which a client sends back to say which version it is changing.
 */
public final class ChangeKeys {

    private static final int MAGIC = 0x09;

    private ChangeKeys() {}

    public static String of(long number, int version) {
        ByteBuffer buffer = ByteBuffer.allocate(13).put((byte) MAGIC).putLong(number).putInt(version);
        return Base64.getEncoder().encodeToString(buffer.array());
    }

    /**
     * Checks a client's ChangeKey against the current one.
     *
     * @throws StoreException {@link StoreError#INVALID_CHANGE_KEY} if it is not a ChangeKey at all,
     *                        {@link StoreError#CONFLICT} if it names another version
     */
    public static void check(String given, String current) {
        if (given == null || given.isEmpty() || given.equals(current)) {
            return;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(given);
        } catch (IllegalArgumentException e) {
            throw new StoreException(StoreError.INVALID_CHANGE_KEY, "The change key is invalid.");
        }
        if (bytes.length != 13 || bytes[0] != MAGIC) {
            throw new StoreException(StoreError.INVALID_CHANGE_KEY, "The change key is invalid.");
        }
        throw new StoreException(StoreError.CONFLICT,
                "The change key passed in the request does not match the current change key for the item.");
    }
}
