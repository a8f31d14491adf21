package io.aestream.stream.topology;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import org.apache.kafka.common.errors.SerializationException;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A streaming JSON writer for one stream task's per-frame messages: one generator over one growing buffer, both
 * reused for every message, so writing a message allocates only its result array. Field order and names follow
 * the message records in {@code io.aestream.stream.message}, which read these values back.
 */
final class JsonWriter {
    private static final JsonFactory JSON = JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();

    private final ByteArrayBuilder buffer = new ByteArrayBuilder(1024);
    private final JsonGenerator generator;

    JsonWriter() {
        try {
            generator = JSON.createGenerator(buffer);
            // messages follow each other in the one buffer, and each is taken out whole: no separator between them
            generator.setRootValueSeparator(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    /** One JSON object written by {@code body} (which writes its fields), as UTF-8 bytes. */
    byte[] object(Body body) {
        try {
            generator.writeStartObject();
            body.write(generator);
            generator.writeEndObject();
            generator.flush();
            byte[] bytes = buffer.toByteArray();
            buffer.reset();
            return bytes;
        } catch (IOException e) {
            throw new SerializationException("cannot write a JSON output value", e);
        }
    }
}
