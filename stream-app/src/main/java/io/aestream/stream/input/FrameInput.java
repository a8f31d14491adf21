package io.aestream.stream.input;

/** One decoded input record: a row of values (vector frame or window row), or a chunk of audio samples. */
public sealed interface FrameInput {
    /** Timestamp (epoch ms) of the record's payload, or of the record itself when the payload has none. */
    long ts();

    /** Values in the bundle's column order; finite. */
    record Row(long ts, double[] values) implements FrameInput { }

    /** PCM16 samples scaled to [-1, 1] (sample / 32768), at the bundle's sample rate. */
    record PcmChunk(long ts, double[] samples) implements FrameInput { }
}
