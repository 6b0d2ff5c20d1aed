package io.exchangehub.api.attachments;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one byte range a {@code Range} header asks for, of a file of known size (RFC 9110 §14):
 * {@code bytes=a-b}, {@code bytes=a-} or the suffix {@code bytes=-n}.
 *
 * <p>What is not one valid range is ignored, as RFC 9110 lets a server do, and the whole file is
 * sent (200): another unit, a malformed header, and a list of several ranges. Serving several
 * ranges would mean a {@code multipart/byteranges} answer, which no client of the hub needs (PDF
 * viewers and media players ask for one range at a time).
 *
 * @param first the first byte's offset
 * @param last  the last byte's offset, inclusive
 */
record ByteRange(long first, long last) {

    private static final Pattern SPEC = Pattern.compile("\\s*(\\d*)\\s*-\\s*(\\d*)\\s*");

    /** A range that lies outside the file: 416, with {@code Content-Range: bytes *}{@code /size}. */
    static final class Unsatisfiable extends RuntimeException {
        Unsatisfiable() {
            super(null, null, false, false);
        }
    }

    /** How many bytes the range holds. */
    long length() {
        return last - first + 1;
    }

    /** The {@code Content-Range} of a 206. */
    String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }

    /**
     * The range a header asks for.
     *
     * @param header the {@code Range} header, or null
     * @param size   the file's size
     * @return the range, or null when the whole file is to be sent
     * @throws Unsatisfiable when the one range asked for lies outside the file
     */
    static ByteRange parse(String header, long size) {
        if (header == null) {
            return null;
        }
        int equals = header.indexOf('=');
        if (equals < 0 || !header.substring(0, equals).trim().toLowerCase(Locale.ROOT).equals("bytes")) {
            return null;
        }
        String spec = header.substring(equals + 1);
        if (spec.indexOf(',') >= 0) {
            return null;
        }
        Matcher matcher = SPEC.matcher(spec);
        if (!matcher.matches() || (matcher.group(1).isEmpty() && matcher.group(2).isEmpty())) {
            return null;
        }
        if (matcher.group(1).isEmpty()) {
            long suffix = number(matcher.group(2));
            if (suffix == 0 || size == 0) {
                throw new Unsatisfiable();
            }
            return new ByteRange(Math.max(0, size - suffix), size - 1);
        }
        long first = number(matcher.group(1));
        long last = matcher.group(2).isEmpty() ? Long.MAX_VALUE : number(matcher.group(2));
        if (last < first) {
            return null;
        }
        if (first >= size) {
            throw new Unsatisfiable();
        }
        return new ByteRange(first, Math.min(last, size - 1));
    }

    /** A decimal number; one too large for a long is larger than any file. */
    private static long number(String digits) {
        return digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
    }
}
