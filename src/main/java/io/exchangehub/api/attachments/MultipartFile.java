package io.exchangehub.api.attachments;

import io.exchangehub.api.ApiException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.http.ContentDisposition;

/**
 * The file of a {@code multipart/form-data} upload with one part, {@code file}, read as a stream.
 *
 * <p>Hand-written rather than commons-fileupload or mime4j, because the backend needs the file's
 * size before its first byte (a Graph upload session is opened for a declared size), and a
 * streaming multipart parser learns where a part ends only when it gets there. With one part, the
 * size follows from the request's {@code Content-Length}: what is left after the part's headers,
 * less the closing delimiter ({@code CRLF--boundary--CRLF}, as browsers, curl and the common
 * HTTP client libraries write it). The stream checks that claim while it reads: a delimiter inside
 * the content (a second part) or any other ending fails the read before the last byte is handed
 * over, so a file of the wrong size never reaches a mailbox.
 *
 * @param name        the part's file name, as sent (unchecked)
 * @param contentType the part's media type, or null
 * @param size        the file's size in bytes
 * @param content     the file's bytes, to be read once
 */
record MultipartFile(String name, String contentType, long size, InputStream content) {

    /** The longest header line, and all of a part's headers together, the reader accepts. */
    static final int MAX_HEADERS = 16 * 1024;

    /**
     * Reads the multipart body's preamble and the file part's headers, leaving {@code in} at the file's first byte.
     *
     * @param in            the request body
     * @param boundary      the body's boundary (from its Content-Type)
     * @param contentLength the body's declared length
     * @param failure       told (before the stream throws) when the body turns out not to be what it claimed
     * @throws ApiException a {@code validation} problem when the body is not one file part
     */
    static MultipartFile read(InputStream in, String boundary, long contentLength, FailureListener failure) throws IOException {
        Lines lines = new Lines(in);
        String first = lines.next();
        if (first == null || !first.stripTrailing().equals("--" + boundary)) {
            throw invalid("The multipart body does not start with its boundary.");
        }
        String disposition = null;
        String contentType = null;
        for (String line = lines.next(); ; line = lines.next()) {
            if (line == null) {
                throw invalid("The multipart body ends inside the headers of its part.");
            }
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw invalid("A part header is not 'Name: value'.");
            }
            String header = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (header.equals("content-disposition")) {
                disposition = value;
            } else if (header.equals("content-type")) {
                contentType = value;
            } else if (header.equals("content-transfer-encoding") && !value.equalsIgnoreCase("binary")
                    && !value.equalsIgnoreCase("8bit") && !value.equalsIgnoreCase("7bit")) {
                throw invalid("A part's content must be sent as it is, not in a transfer encoding (RFC 7578 §4.7).");
            }
        }
        ContentDisposition parsed;
        try {
            parsed = disposition == null ? null : ContentDisposition.parse(disposition);
        } catch (IllegalArgumentException e) {
            throw invalid("The part's Content-Disposition cannot be read.");
        }
        if (parsed == null || !parsed.isFormData() || !"file".equals(parsed.getName())) {
            throw invalid("The multipart body's part is named 'file'.");
        }
        byte[] trailer = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        long size = contentLength - lines.consumed() - trailer.length;
        if (size < 0) {
            throw invalid("The multipart body is shorter than its part's headers and closing delimiter.");
        }
        return new MultipartFile(parsed.getFilename(), contentType, size,
                new Content(lines.rest(), size, trailer, ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII), failure));
    }

    /** Told when the body is found not to be the one file it claimed to be, before the read fails. */
    @FunctionalInterface
    interface FailureListener {
        void failed(ApiException problem);
    }

    static ApiException invalid(String detail) {
        return ApiException.invalid("/body", detail + " An upload as multipart/form-data has one part, named 'file'.");
    }

    /** CRLF-terminated lines (UTF-8: browsers send file names that way), counting the bytes they took. */
    private static final class Lines {
        private final InputStream in;
        private long consumed;
        private int pushedBack = -1;

        Lines(InputStream in) {
            this.in = in;
        }

        String next() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            while (true) {
                int b = in.read();
                if (b < 0) {
                    return null;
                }
                consumed++;
                if (b == '\r') {
                    int n = in.read();
                    if (n == '\n') {
                        consumed++;
                        return line.toString(StandardCharsets.UTF_8);
                    }
                    if (n >= 0) {
                        throw invalid("A header line has a CR without LF.");
                    }
                    return null;
                }
                line.write(b);
                if (consumed > MAX_HEADERS) {
                    throw invalid("The part's headers are longer than " + MAX_HEADERS + " bytes.");
                }
            }
        }

        long consumed() {
            return consumed;
        }

        InputStream rest() {
            return in;
        }
    }

    /**
     * The file's bytes: exactly {@code size} of them, then the closing delimiter. The last bytes are
     * handed over only once the delimiter has been read and found right; a delimiter within the
     * content fails the read at once.
     */
    private static final class Content extends InputStream {
        private final InputStream in;
        private final long size;
        private final byte[] trailer;
        private final byte[] delimiter;
        private final FailureListener failure;
        private long delivered;
        /** How many bytes of the delimiter the content read so far ends with. */
        private int matched;

        Content(InputStream in, long size, byte[] trailer, byte[] delimiter, FailureListener failure) {
            this.in = in;
            this.size = size;
            this.trailer = trailer;
            this.delimiter = delimiter;
            this.failure = failure;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (delivered >= size) {
                return -1;
            }
            if (length == 0) {
                return 0;
            }
            int n = in.read(buffer, offset, (int) Math.min(length, size - delivered));
            if (n < 0) {
                throw fail("The multipart body ended before its file did.");
            }
            for (int i = offset; i < offset + n; i++) {
                matched = buffer[i] == delimiter[matched] ? matched + 1 : buffer[i] == delimiter[0] ? 1 : 0;
                if (matched == delimiter.length) {
                    throw fail("The multipart body has more than one part.");
                }
            }
            if (delivered + n == size) {
                checkTrailer();
            }
            delivered += n;
            return n;
        }

        private void checkTrailer() throws IOException {
            byte[] end = in.readNBytes(trailer.length);
            if (!java.util.Arrays.equals(end, trailer) || in.read() >= 0) {
                throw fail("The multipart body does not end with its closing delimiter and CRLF right after the file.");
            }
        }

        private IOException fail(String detail) {
            ApiException problem = invalid(detail);
            failure.failed(problem);
            return new IOException(detail);
        }
    }
}
