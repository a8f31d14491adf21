package io.aestream.stream.config;

/**
 * What an input record may be before it goes to the dead-letter topic instead of being scored.
 *
 * @param maxRecordBytes largest value accepted (AESTREAM_MAX_RECORD_BYTES): a frame or audio chunk is kilobytes, so a
 *                       larger value is a misrouted or hostile record, and parsing it would cost heap and time
 * @param maxFutureMs    how far a payload timestamp may lie ahead of the record's own Kafka timestamp
 *                       (AESTREAM_MAX_FUTURE_MS): beyond it the clock or the producer is wrong, and such a timestamp
 *                       would poison the event times downstream
 */
public record InputLimits(int maxRecordBytes, long maxFutureMs) {
    public static final InputLimits DEFAULTS = new InputLimits(1 << 20, 3_600_000);

    public InputLimits {
        if (maxRecordBytes < 16) {
            throw new IllegalArgumentException(Settings.MAX_RECORD_BYTES + ": must be at least 16, got " + maxRecordBytes);
        }
        if (maxFutureMs < 0) {
            throw new IllegalArgumentException(Settings.MAX_FUTURE_MS + ": must be >= 0, got " + maxFutureMs);
        }
    }
}
