package io.aestream.enhance;

/**
 * A classical per-stream enhancement rule: from one STFT frame's noisy magnitude, the gain per bin to apply to it.
 * Stateful (noise tracking, previous frame), so one instance per stream, fed frames in order.
 */
public interface SpectralGain {

    /** Writes the gain for each bin of {@code magnitude} into {@code gains}. */
    void gains(double[] magnitude, double[] gains);
}
