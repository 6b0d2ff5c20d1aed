package io.exchangehub.sandbox.store;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

/** Small content held in memory (bodies of inline images, uploads below the spill threshold). */
public record BytesContent(byte[] bytes) implements Content {

    @Override
    public long size() {
        return bytes.length;
    }

    @Override
    public InputStream open() {
        return new ByteArrayInputStream(bytes);
    }
}
