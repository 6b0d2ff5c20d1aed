package io.exchangehub.sandbox.store;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reproducible pseudo-random bytes of any size, computed from a seed on the fly: position
 * {@code p} holds byte {@code p % 8} of SplitMix64({@code seed + p / 8}), after a short header
 * that makes the file look like its type. Random access, so ranges cost nothing extra, and a
 * 25 MB attachment costs no memory at all.
 *
 * @param seed   the seed the bytes are derived from
 * @param size   the length in bytes
 * @param header the leading bytes (a file signature), part of {@code size}
 */
public record GeneratedContent(long seed, long size, byte[] header) implements Content {

    /** Content whose first bytes are the usual signature of a file with that name's extension. */
    public static GeneratedContent forFile(String fileName, long seed, long size) {
        return new GeneratedContent(seed, size, signature(fileName));
    }

    static byte[] signature(String fileName) {
        String lower = fileName.toLowerCase();
        if (lower.endsWith(".pdf")) {
            return "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1);
        }
        if (lower.endsWith(".docx") || lower.endsWith(".xlsx") || lower.endsWith(".pptx") || lower.endsWith(".zip")) {
            return new byte[] {0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00};
        }
        if (lower.endsWith(".png")) {
            return new byte[] {(byte) 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a};
        }
        if (lower.endsWith(".jpg") || lower.endsWith(".jpeg")) {
            return new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0};
        }
        return new byte[0];
    }

    /** The byte at a position. */
    public int byteAt(long position) {
        if (position < header.length) {
            return header[(int) position] & 0xff;
        }
        long word = mix(seed + (position >>> 3));
        return (int) (word >>> ((position & 7) * 8)) & 0xff;
    }

    static long mix(long z) {
        z += 0x9e3779b97f4a7c15L;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    @Override
    public InputStream open() {
        return open(0, size);
    }

    @Override
    public InputStream open(long offset, long length) {
        return new Stream(offset, Math.min(size, offset + length));
    }

    private final class Stream extends InputStream {
        private long position;
        private final long end;

        Stream(long position, long end) {
            this.position = position;
            this.end = end;
        }

        @Override
        public int read() {
            return position < end ? byteAt(position++) : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= end) {
                return -1;
            }
            int n = (int) Math.min(length, end - position);
            int i = 0;
            while (i < n && position < header.length) {
                buffer[offset + i++] = header[(int) position++];
            }
            while (i < n) {
                long word = mix(seed + (position >>> 3));
                int shift = (int) (position & 7);
                for (int b = shift; b < 8 && i < n; b++) {
                    buffer[offset + i++] = (byte) (word >>> (b * 8));
                    position++;
                }
            }
            return n;
        }

        @Override
        public long skip(long n) {
            long skipped = Math.max(0, Math.min(n, end - position));
            position += skipped;
            return skipped;
        }

        @Override
        public int available() {
            return (int) Math.min(Integer.MAX_VALUE, end - position);
        }
    }
}
