package io.exchangehub.sandbox.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/** Uploaded content kept in a temporary file, so that a 150 MB upload costs no heap. */
public record FileContent(Path path, long size) implements Content {

    @Override
    public InputStream open() throws IOException {
        return Files.newInputStream(path);
    }

    @Override
    public InputStream open(long offset, long length) throws IOException {
        SeekableByteChannel channel = Files.newByteChannel(path);
        channel.position(offset);
        return new BoundedInputStream(Channels.newInputStream(channel), length);
    }
}
