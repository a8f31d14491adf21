package io.aestream.stream.config;

import java.util.Arrays;
import java.util.Locale;

/**
 * How the scores and denoised values are encoded (AESTREAM_OUTPUT_FORMAT); anomaly events and dead letters are
 * the same either way. The binary layouts are in {@code io.aestream.stream.message.BinaryMessages}.
 */
public enum OutputFormat {
    /** The records of {@code io.aestream.stream.message} as JSON. */
    JSON,
    /** Fixed little-endian layouts: no number formatting, values exact (float64). */
    BINARY;

    public String settingValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static OutputFormat parse(String setting, String value) {
        return Arrays.stream(values()).filter(f -> f.settingValue().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(setting + ": must be json or binary, got '" + value + "'"));
    }
}
