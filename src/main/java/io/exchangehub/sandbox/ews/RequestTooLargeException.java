package io.exchangehub.sandbox.ews;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A request body longer than {@code hub.sandbox.ews.max-request-size}. */
final class RequestTooLargeException extends IOException {

    RequestTooLargeException() {
        super("The request body exceeds the limit", null);
    }

    /** Counts what is read and fails once a stream passes the limit, whatever the request claimed. */
    static InputStream limit(InputStream in, long limit) {
        return new FilterInputStream(in) {
            private long count;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0 && ++count > limit) {
                    throw new RequestTooLargeException();
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    count += n;
                    if (count > limit) {
                        throw new RequestTooLargeException();
                    }
                }
                return n;
            }
        };
    }
}
