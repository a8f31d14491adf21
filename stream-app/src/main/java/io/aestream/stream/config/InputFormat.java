package io.aestream.stream.config;

import java.util.Arrays;
import java.util.Locale;

/** How input record values are encoded (AESTREAM_INPUT_FORMAT). */
public enum InputFormat {
    /** {@code {"ts": …, "values": [...]}}, {@code "value"} for one window column, {@code "pcm16"} (base64) for audio. */
    JSON,
    /** Little-endian float32 rows, or little-endian PCM16 samples for audio. */
    BINARY;

    public String settingValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static InputFormat parse(String setting, String value) {
        return Arrays.stream(values()).filter(f -> f.settingValue().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(setting + ": must be json or binary, got '" + value + "'"));
    }
}
