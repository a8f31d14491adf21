package io.aestream.enhance;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Noise power spectral density per bin by minimum statistics (R. Martin, "Noise power spectral density estimation
 * based on optimal smoothing and minimum statistics", IEEE TSAP 2001), in its basic form: the periodogram is smoothed
 * recursively, its minimum over a window of about {@value #WINDOW_SECONDS} s is tracked in {@value #SUBWINDOWS}
 * sub-windows (so the estimate follows a rising noise floor within one sub-window length), and multiplied by a bias
 * factor, because the minimum of a fluctuating estimate lies below its mean. Speech pauses of a fraction of the window
 * are enough: the minimum then sits on the noise. Causal and per stream; its state serializes for a state store.
 */
public final class MinimumStatistics {
    static final double WINDOW_SECONDS = 1.5;
    static final int SUBWINDOWS = 8;
    /** Smoothing of the periodogram, per 16 ms of hop (Martin's fixed-α variant uses 0.85 at 8 kHz, hop 128). */
    private static final double ALPHA_AT_16MS = 0.85;
    /**
     * E[P] / E[min P] for stationary Gaussian noise with this smoothing and window, measured (sqrt-Hann, 50 % overlap,
     * white noise: the mean log-estimate then lies within 0.1 dB of the truth).
     */
    static final double BIAS = 2.0;

    private final int bins;
    private final int subLength;
    private final double alpha;
    private final double[] smoothed;
    private final double[] current;
    private final double[][] minima;
    private int count;
    private int slot;
    private boolean started;

    /** @param hopSeconds time between frames */
    public MinimumStatistics(int bins, double hopSeconds) {
        if (bins < 1 || !(hopSeconds > 0)) {
            throw new IllegalArgumentException("minimum statistics: bins must be >= 1 and hopSeconds > 0, got " + bins + ", " + hopSeconds);
        }
        this.bins = bins;
        this.subLength = Math.max(1, (int) Math.round(WINDOW_SECONDS / hopSeconds / SUBWINDOWS));
        this.alpha = Math.pow(ALPHA_AT_16MS, hopSeconds / 0.016);
        this.smoothed = new double[bins];
        this.current = new double[bins];
        this.minima = new double[SUBWINDOWS][bins];
        reset();
    }

    private void reset() {
        Arrays.fill(current, Double.POSITIVE_INFINITY);
        for (double[] m : minima) {
            Arrays.fill(m, Double.POSITIVE_INFINITY);
        }
        count = 0;
        slot = 0;
        started = false;
    }

    /** Adds one frame's power |X_k|² and writes the noise power estimate per bin into {@code noise}. */
    public void update(double[] power, double[] noise) {
        for (int k = 0; k < bins; k++) {
            smoothed[k] = started ? alpha * smoothed[k] + (1 - alpha) * power[k] : power[k];
            current[k] = Math.min(current[k], smoothed[k]);
        }
        started = true;
        if (++count == subLength) {
            System.arraycopy(current, 0, minima[slot], 0, bins);
            slot = (slot + 1) % SUBWINDOWS;
            Arrays.fill(current, Double.POSITIVE_INFINITY);
            count = 0;
        }
        for (int k = 0; k < bins; k++) {
            double min = current[k];
            for (double[] m : minima) {
                min = Math.min(min, m[k]);
            }
            noise[k] = BIAS * (Double.isFinite(min) ? min : smoothed[k]);
        }
    }

    public int bins() {
        return bins;
    }

    /** Bytes {@link #write} produces. */
    public int byteSize() {
        return 4 + 4 + 1 + 8 * bins * (2 + SUBWINDOWS);
    }

    public void write(ByteBuffer buf) {
        buf.putInt(count).putInt(slot).put((byte) (started ? 1 : 0));
        putAll(buf, smoothed);
        putAll(buf, current);
        for (double[] m : minima) {
            putAll(buf, m);
        }
    }

    /** Restores the state {@link #write} wrote for a tracker of the same shape. */
    public void read(ByteBuffer buf) {
        int c = buf.getInt();
        int s = buf.getInt();
        if (c < 0 || c >= subLength || s < 0 || s >= SUBWINDOWS) {
            throw new IllegalArgumentException("minimum statistics state: corrupt counters (count " + c + ", slot " + s + ")");
        }
        count = c;
        slot = s;
        started = buf.get() != 0;
        getAll(buf, smoothed);
        getAll(buf, current);
        for (double[] m : minima) {
            getAll(buf, m);
        }
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
