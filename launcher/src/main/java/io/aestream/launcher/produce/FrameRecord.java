package io.aestream.launcher.produce;

import java.util.Map;
import java.util.Objects;

/** One record for the stream app's input topic: key (the source id), encoded value, and headers. */
public record FrameRecord(String key, byte[] value, Map<String, byte[]> headers) {
    public FrameRecord {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }
}
