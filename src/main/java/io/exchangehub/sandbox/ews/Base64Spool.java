package io.exchangehub.sandbox.ews;

import io.exchangehub.sandbox.store.BytesContent;
import io.exchangehub.sandbox.store.Content;
import io.exchangehub.sandbox.store.FileContent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;

/**
 * Decodes XML base64Binary text as it streams past, chunk by chunk, into memory while small and
 * into a temporary file once large, so that a 150 MB attachment in a CreateAttachment request
 * never exists whole on the heap. Whitespace is allowed anywhere, padding only at the end.
 */
final class Base64Spool implements AutoCloseable {

    /** Contents up to this size stay in memory. */
    static final int MEMORY_LIMIT = 1024 * 1024;
    private static final int CHUNK = 64 * 1024;

    private final Base64.Decoder decoder = Base64.getDecoder();
    private final byte[] pending = new byte[CHUNK + 4];
    private int pendingLength;
    private boolean padded;
    private long size;
    private ByteArrayOutputStream memory = new ByteArrayOutputStream();
    private Path file;
    private OutputStream fileOut;
    private Content result;
    private boolean kept;

    /**
     * Takes more characters of the encoded text.
     *
     * @throws IllegalArgumentException if they are not base64
     */
    void write(char[] chars, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            char c = chars[i];
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                continue;
            }
            if (padded && c != '=') {
                throw new IllegalArgumentException("base64 data after padding");
            }
            if (c > 127) {
                throw new IllegalArgumentException("not a base64 character");
            }
            if (c == '=') {
                padded = true;
            }
            pending[pendingLength++] = (byte) c;
            if (pendingLength == CHUNK) {
                flush(CHUNK);
            }
        }
    }

    /**
     * The decoded bytes; a temporary file behind them lives until {@link #close} unless kept.
     *
     * @throws IllegalArgumentException if the text was not complete base64
     */
    Content finish() {
        if (pendingLength % 4 != 0) {
            throw new IllegalArgumentException("base64 length is not a multiple of four");
        }
        flush(pendingLength);
        try {
            if (file == null) {
                result = new BytesContent(memory.toByteArray());
            } else {
                fileOut.close();
                fileOut = null;
                result = new FileContent(file, size);
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void flush(int length) {
        byte[] decoded = decoder.decode(Arrays.copyOf(pending, length));
        int decodedLength = decoded.length;
        pendingLength = 0;
        size += decodedLength;
        try {
            if (file == null && memory.size() + decodedLength > MEMORY_LIMIT) {
                file = Files.createTempFile("ews-upload-", ".bin");
                fileOut = Files.newOutputStream(file);
                memory.writeTo(fileOut);
                memory = null;
            }
            if (file != null) {
                fileOut.write(decoded, 0, decodedLength);
            } else {
                memory.write(decoded, 0, decodedLength);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Marks the temporary file as owned by whoever holds {@code content}, if it is this spool's. */
    void keepIf(Content content) {
        if (result == content && !kept) {
            kept = true;
            if (file != null) {
                // only kept files: the JVM remembers every path it is asked to delete until it exits
                file.toFile().deleteOnExit();
            }
        }
    }

    /** Removes the temporary file, unless its content was kept. */
    @Override
    public void close() {
        try {
            if (fileOut != null) {
                fileOut.close();
            }
            if (file != null && !kept) {
                Files.deleteIfExists(file);
            }
        } catch (IOException ignored) {
            // the temporary folder's own clean-up takes what cannot be deleted now
        }
    }
}
