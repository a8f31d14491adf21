package io.aestream.adaptive;

import io.aestream.scoring.FrameLikelihood;
import io.aestream.scoring.Normalizer;

/**
 * Standardizes a frame with the blend of the bundle's fixed mean/std and the rolling statistics of the frames
 * seen before it (causal: a frame never normalizes itself), then adds the frame to the statistics.
 * Only standardizing (or identity) bundles qualify: a min-max model was trained on [0, 1] inputs, which
 * z-scores would not reproduce; for the same reason non-Gaussian features (Bernoulli 0/1 columns) keep the fixed
 * mapping. Not thread-safe (scratch arrays); one per {@link AdaptiveDetector}.
 */
final class RollingNormalizer {
    /** Floor on the rolling std, relative to the fixed one, so a feature that goes flat does not explode. */
    private static final double MIN_STD_RATIO = 0.05;

    private final NormalizationConfig config;
    private final Normalizer fixed;
    private final double[] fixedMean;
    private final double[] fixedStd;
    private final double[] mean;
    private final double[] std;
    private final boolean[] fixedOnly;
    private final double[] maxDeviation;
    private final double clipSigmas;
    private boolean rolling;

    RollingNormalizer(Normalizer fixed, NormalizationConfig config) {
        this(fixed, config, null);
    }

    /** {@code likelihood}: which features are Gaussian and may follow the rolling statistics (null: all). */
    RollingNormalizer(Normalizer fixed, NormalizationConfig config, FrameLikelihood likelihood) {
        this.config = config;
        this.fixed = fixed;
        int n = fixed.size();
        if (fixed instanceof Normalizer.Standardize s) {
            fixedMean = s.mean();
            fixedStd = s.std();
        } else if (fixed instanceof Normalizer.Identity || !config.enabled()) {
            // with alpha 0 these are never read: the fixed normalizer is applied as is
            fixedMean = new double[n];
            fixedStd = ones(n);
        } else {
            throw new IllegalArgumentException("normalization.alpha: rolling normalization needs a standardize or identity"
                    + " bundle normalizer, found " + fixed.getClass().getSimpleName() + "; set alpha to 0");
        }
        this.mean = new double[n];
        this.std = new double[n];
        this.fixedOnly = new boolean[n];
        this.maxDeviation = new double[n];
        this.clipSigmas = config.clipSigmas();
        for (int i = 0; likelihood != null && i < n; i++) {
            fixedOnly[i] = !likelihood.gaussian(i);
        }
    }

    private static double[] ones(int n) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, 1.0);
        return v;
    }

    /** Whether {@code stats} is past warm-up, i.e. the rolling statistics take part in normalization. */
    boolean active(EwStats stats) {
        return config.enabled() && stats.count() >= config.warmupFrames();
    }

    /**
     * Normalizes {@code raw} into {@code out} with the statistics as they are, and fixes the mapping that
     * {@link #denormalize} inverts until the next call.
     */
    void normalize(EwStats stats, double[] raw, double[] out) {
        rolling = active(stats);
        if (!rolling) {
            fixed.normalize(raw, out);
            return;
        }
        double a = config.alpha();
        for (int i = 0; i < raw.length; i++) {
            double rollingStd = Math.max(Math.sqrt(stats.variance(i)), MIN_STD_RATIO * fixedStd[i]);
            maxDeviation[i] = clipSigmas * rollingStd;
            double w = fixedOnly[i] ? 0 : a;
            mean[i] = (1 - w) * fixedMean[i] + w * stats.mean(i);
            std[i] = (1 - w) * fixedStd[i] + w * rollingStd;
            out[i] = (raw[i] - mean[i]) / std[i];
        }
    }

    void denormalize(double[] raw, double[] normalized, double[] out) {
        if (!rolling) {
            fixed.denormalize(raw, normalized, out);
            return;
        }
        for (int i = 0; i < normalized.length; i++) {
            out[i] = normalized[i] * std[i] + mean[i];
        }
    }

    /**
     * Adds {@code raw} to the statistics, after {@link #normalize} of the same frame: each deviation is clipped to
     * {@code clipSigmas} times the (floored) rolling std that normalize read, and only when the rolling statistics
     * took part in normalizing it (before that they are too young to call a frame far out).
     */
    void update(EwStats stats, double[] raw) {
        if (config.enabled()) {
            stats.add(raw, config.halfLifeFrames(), rolling && clipSigmas > 0 ? maxDeviation : null);
        }
    }
}
