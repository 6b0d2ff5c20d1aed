package io.exchangehub.model;

import java.io.IOException;
import java.io.InputStream;

/**
 * Bytes to upload, opened when the component is ready to send them, so that a 150 MB file is
 * streamed from its source and never held whole. May be opened more than once (a retry).
 */
@FunctionalInterface
public interface ContentSource {

    InputStream open() throws IOException;
}
