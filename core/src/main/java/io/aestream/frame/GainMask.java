package io.aestream.frame;

/**
 * How an audio model that predicts a gain mask sees and applies its frames. The network's input is, per STFT frame,
 * the log features of the current and {@code context} previous frames after subtracting a causal running per-bin mean
 * (time constant {@code normalizationSeconds}), optionally the difference to the previous frame ({@code deltas}) and
 * the log of a minimum-statistics noise estimate ({@code noiseEstimate}); its sigmoid output o ∈ [0, 1] per feature
 * becomes the gain {@code gainFloor + (1 − gainFloor) · o} on the noisy magnitude, so the output can neither amplify
 * nor invent energy. Subtracting the running mean makes the input independent of the input level.
 */
public record GainMask(int context, boolean deltas, boolean noiseEstimate, double gainFloor, double normalizationSeconds) {
    public static final int MAX_CONTEXT = 32;

    public GainMask {
        if (context < 0 || context > MAX_CONTEXT) {
            throw new IllegalArgumentException("context: must be in [0, " + MAX_CONTEXT + "] frames, got " + context);
        }
        if (!(gainFloor >= 0 && gainFloor < 1)) {
            throw new IllegalArgumentException("gainFloor: must be in [0, 1), got " + gainFloor);
        }
        if (!(normalizationSeconds > 0 && normalizationSeconds <= 600)) {
            throw new IllegalArgumentException("normalizationSeconds: must be in (0, 600], got " + normalizationSeconds);
        }
    }

    /** Model inputs for {@code base} features per frame. */
    public int inputSize(int base) {
        return base * (context + 1 + (deltas ? 1 : 0) + (noiseEstimate ? 1 : 0));
    }

    /** The gain applied for a network output {@code o} in [0, 1]. */
    public double gain(double o) {
        return gainFloor + (1 - gainFloor) * o;
    }
}
