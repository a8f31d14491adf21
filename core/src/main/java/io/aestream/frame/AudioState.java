package io.aestream.frame;

import java.nio.ByteBuffer;

/**
 * Per-stream state of an {@link AudioProcessor}: samples waiting for a full frame, the overlap-add
 * accumulator, and counters. Mutable; serialized to bytes for a Kafka Streams state store.
 */
public final class AudioState {
    private static final byte VERSION = 1;
    final double[] pending;
    int fill;
    final double[] ola;
    long frames;
    long realSamples;

    AudioState(int frameLength, int fill, long frames, long realSamples) {
        this.pending = new double[frameLength];
        this.ola = new double[frameLength];
        this.fill = fill;
        this.frames = frames;
        this.realSamples = realSamples;
    }

    /** A fresh stream: {@code frameLength − hop} zeros of padding lead in, so the first sample gets full overlap. */
    public static AudioState start(AudioFrameSpec spec) {
        return new AudioState(spec.frameLength(), spec.frameLength() - spec.hop(), 0, 0);
    }

    /** Frames analyzed so far. */
    public long frames() {
        return frames;
    }

    /** Input samples received so far. */
    public long samples() {
        return realSamples;
    }

    public byte[] toBytes() {
        int n = pending.length;
        ByteBuffer buf = ByteBuffer.allocate(1 + 4 + 4 + 8 + 8 + 16 * n);
        buf.put(VERSION).putInt(n).putInt(fill).putLong(frames).putLong(realSamples);
        for (double v : pending) {
            buf.putDouble(v);
        }
        for (double v : ola) {
            buf.putDouble(v);
        }
        return buf.array();
    }

    public static AudioState fromBytes(byte[] bytes) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        byte version = buf.get();
        if (version != VERSION) {
            throw new IllegalArgumentException("audio state: unknown version " + version);
        }
        int n = buf.getInt();
        int fill = buf.getInt();
        if (n <= 0 || fill < 0 || fill > n || buf.remaining() != 16L + 16L * n) {
            throw new IllegalArgumentException("audio state: corrupt header (frameLength " + n + ", fill " + fill + ")");
        }
        AudioState s = new AudioState(n, fill, buf.getLong(), buf.getLong());
        for (int i = 0; i < n; i++) {
            s.pending[i] = buf.getDouble();
        }
        for (int i = 0; i < n; i++) {
            s.ola[i] = buf.getDouble();
        }
        return s;
    }
}
