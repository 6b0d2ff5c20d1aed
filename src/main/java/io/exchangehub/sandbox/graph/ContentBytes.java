package io.exchangehub.sandbox.graph;

import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.exchangehub.sandbox.store.Content;
import java.io.IOException;
import java.io.InputStream;

/**
 * A file attachment's {@code contentBytes} in a JSON tree: written as base64 straight from the
 * content's stream while the response goes out, so a 25 MB attachment never sits on the heap.
 *
 * @param content the immutable bytes
 */
@JsonSerialize(using = ContentBytes.Writer.class)
record ContentBytes(Content content) {

    static final class Writer extends JsonSerializer<ContentBytes> {
        @Override
        public void serialize(ContentBytes value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            try (InputStream in = value.content().open()) {
                generator.writeBinary(Base64Variants.MIME_NO_LINEFEEDS, in, (int) value.content().size());
            }
        }
    }
}
