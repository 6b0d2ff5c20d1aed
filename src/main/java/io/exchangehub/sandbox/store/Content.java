package io.exchangehub.sandbox.store;

import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes of a file attachment. Immutable, so a face may stream it without holding the store
 * lock. Large contents are generated from a seed or kept in a file, never whole on the heap.
 */
public interface Content {

    long size();

    /** A fresh stream over all the bytes. */
    InputStream open() throws IOException;

    /** A fresh stream over {@code length} bytes from {@code offset}. */
    default InputStream open(long offset, long length) throws IOException {
        InputStream in = open();
        in.skipNBytes(offset);
        return new BoundedInputStream(in, length);
    }
}
