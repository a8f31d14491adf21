package io.aestream.launcher.consume;

import io.aestream.stream.message.BinaryMessages;
import io.aestream.stream.serde.JsonSerde;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One output record's value as a JSON line: JSON values as they are, binary scores and denoised values
 * (AESTREAM_OUTPUT_FORMAT=binary) decoded by {@link BinaryMessages} into the same JSON the app writes otherwise.
 */
final class OutputDecoder {
    /** What a topic holds. */
    enum Kind { SCORES, DENOISED }

    private final Kind kind;
    private final boolean binary;
    private final List<String> featureNames;

    /** {@code featureNames}: the bundle's, to name binary scores' top features; null names them by index. */
    OutputDecoder(Kind kind, boolean binary, List<String> featureNames) {
        this.kind = kind;
        this.binary = binary;
        this.featureNames = featureNames;
    }

    String line(byte[] key, byte[] value) {
        if (!binary) {
            return new String(value, StandardCharsets.UTF_8);
        }
        String k = key == null ? null : new String(key, StandardCharsets.UTF_8);
        Object message = kind == Kind.SCORES ? BinaryMessages.readScore(k, value, featureNames) : BinaryMessages.readDenoised(k, value);
        return new String(JsonSerde.write(message), StandardCharsets.UTF_8);
    }
}
