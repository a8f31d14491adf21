package io.aestream.frame;

import io.aestream.enhance.MinimumStatistics;

import java.nio.ByteBuffer;

/**
 * Per-stream state of an {@link AudioProcessor}: samples waiting for a full frame, the overlap-add accumulator,
 * counters, and for a {@link GainMask} model what its causal inputs remember — the running per-band mean of the log
 * features, the previous frames' normalized features and the noise tracker. Mutable; serialized to bytes for a
 * Kafka Streams state store (version 1, without mask state, is still read).
 */
public final class AudioState {
    private static final byte V1 = 1;
    private static final byte VERSION = 2;
    final double[] pending;
    int fill;
    final double[] ola;
    long frames;
    long realSamples;
    /** Running mean of the log features per band; null without a mask. */
    final double[] mean;
    /** Normalized features of previous frames, most recent first; empty without a mask. */
    final double[] history;
    /** Noise tracker for the noise-estimate input; null when the mask does not use it. */
    final MinimumStatistics noise;
    private final double hopSeconds;

    private AudioState(int frameLength, int fill, long frames, long realSamples, int base, int historyLength,
                       double hopSeconds, boolean trackNoise, int bins) {
        this.pending = new double[frameLength];
        this.ola = new double[frameLength];
        this.fill = fill;
        this.frames = frames;
        this.realSamples = realSamples;
        this.mean = base > 0 ? new double[base] : null;
        this.history = new double[historyLength];
        this.hopSeconds = hopSeconds;
        this.noise = trackNoise ? new MinimumStatistics(bins, hopSeconds) : null;
    }

    /** A fresh stream: {@code frameLength − hop} zeros of padding lead in, so the first sample gets full overlap. */
    public static AudioState start(AudioFrameSpec spec) {
        GainMask m = spec.mask();
        int base = m == null ? 0 : spec.baseSize();
        int lags = m == null ? 0 : Math.max(m.context(), m.deltas() ? 1 : 0);
        return new AudioState(spec.frameLength(), spec.frameLength() - spec.hop(), 0, 0, base, lags * base,
                (double) spec.hop() / spec.sampleRate(), m != null && m.noiseEstimate(), spec.bins());
    }

    /** Frames analyzed so far. */
    public long frames() {
        return frames;
    }

    /** Input samples received so far. */
    public long samples() {
        return realSamples;
    }

    /** Whether this state has the shape {@code spec} needs (frame length and mask inputs). */
    boolean fits(AudioFrameSpec spec) {
        AudioState fresh = start(spec);
        return fresh.pending.length == pending.length && (fresh.mean == null) == (mean == null)
                && (mean == null || fresh.mean.length == mean.length) && fresh.history.length == history.length
                && (fresh.noise == null) == (noise == null) && (noise == null || fresh.noise.bins() == noise.bins());
    }

    public byte[] toBytes() {
        int n = pending.length;
        int base = mean == null ? 0 : mean.length;
        int size = 1 + 4 + 4 + 8 + 8 + 16 * n + 4 + 4 + 8 + 8 * (base + history.length) + 1
                + (noise == null ? 0 : 4 + noise.byteSize());
        ByteBuffer buf = ByteBuffer.allocate(size);
        buf.put(VERSION).putInt(n).putInt(fill).putLong(frames).putLong(realSamples);
        putAll(buf, pending);
        putAll(buf, ola);
        buf.putInt(base).putInt(history.length).putDouble(hopSeconds);
        if (mean != null) {
            putAll(buf, mean);
        }
        putAll(buf, history);
        buf.put((byte) (noise == null ? 0 : 1));
        if (noise != null) {
            buf.putInt(noise.bins());
            noise.write(buf);
        }
        return buf.array();
    }

    public static AudioState fromBytes(byte[] bytes) {
        try {
            return read(ByteBuffer.wrap(bytes));
        } catch (java.nio.BufferUnderflowException | NegativeArraySizeException e) {
            throw new IllegalArgumentException("audio state: truncated (" + bytes.length + " bytes)", e);
        }
    }

    private static AudioState read(ByteBuffer buf) {
        byte version = buf.get();
        if (version != V1 && version != VERSION) {
            throw new IllegalArgumentException("audio state: unknown version " + version);
        }
        int n = buf.getInt();
        int fill = buf.getInt();
        if (n <= 0 || fill < 0 || fill > n || (version == V1 && buf.remaining() != 16L + 16L * n) || buf.remaining() < 16L + 16L * n) {
            throw new IllegalArgumentException("audio state: corrupt header (frameLength " + n + ", fill " + fill + ")");
        }
        long frames = buf.getLong();
        long samples = buf.getLong();
        double[] pending = new double[n];
        double[] ola = new double[n];
        getAll(buf, pending);
        getAll(buf, ola);
        if (version == V1) {
            return copy(new AudioState(n, fill, frames, samples, 0, 0, 1, false, 0), pending, ola);
        }
        int base = buf.getInt();
        int historyLength = buf.getInt();
        double hopSeconds = buf.getDouble();
        if (base < 0 || historyLength < 0 || 8L * (base + historyLength) > buf.remaining() || !(hopSeconds > 0)) {
            throw new IllegalArgumentException("audio state: corrupt mask header (bands " + base + ", history " + historyLength + ")");
        }
        double[] mean = new double[base];
        double[] history = new double[historyLength];
        getAll(buf, mean);
        getAll(buf, history);
        boolean trackNoise = buf.get() != 0;
        int bins = trackNoise ? buf.getInt() : 0;
        if (trackNoise && (bins < 1 || bins > n)) {
            throw new IllegalArgumentException("audio state: corrupt noise tracker (" + bins + " bins)");
        }
        AudioState s = copy(new AudioState(n, fill, frames, samples, base, historyLength, hopSeconds, trackNoise, bins), pending, ola);
        if (s.mean != null) {
            System.arraycopy(mean, 0, s.mean, 0, base);
        }
        System.arraycopy(history, 0, s.history, 0, historyLength);
        if (trackNoise) {
            s.noise.read(buf);
        }
        if (buf.hasRemaining()) {
            throw new IllegalArgumentException("audio state: " + buf.remaining() + " unexpected trailing bytes");
        }
        return s;
    }

    private static AudioState copy(AudioState s, double[] pending, double[] ola) {
        System.arraycopy(pending, 0, s.pending, 0, pending.length);
        System.arraycopy(ola, 0, s.ola, 0, ola.length);
        return s;
    }

    private static void putAll(ByteBuffer buf, double[] v) {
        for (double x : v) {
            buf.putDouble(x);
        }
    }

    private static void getAll(ByteBuffer buf, double[] v) {
        for (int i = 0; i < v.length; i++) {
            v[i] = buf.getDouble();
        }
    }
}
