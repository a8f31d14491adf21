package io.aestream.adaptive;

/**
 * Rolling normalization: per-feature exponentially weighted mean and variance of the raw inputs, blended with
 * the bundle's fixed standardization so that slow drift in level or spread is not scored as an anomaly.
 *
 * @param alpha          weight of the rolling statistics in [0, 1]: 0 keeps the fixed normalizer (off), 1 uses
 *                       only the rolling one; mean and std are blended, so the result is still a standardization
 * @param halfLifeFrames frames after which a past frame's weight in the rolling statistics has halved
 * @param warmupFrames   frames seen before the rolling statistics are used; until then the fixed normalizer is
 * @param clipSigmas     once the statistics are in use, a frame's deviation from the rolling mean enters them
 *                       clipped to this many rolling standard deviations (a winsorized update, as in robust
 *                       exponential smoothing, Gelper, Fried and Croux 2010): drift, a fraction of a std per
 *                       frame, is followed as before, while a change of many stds is absorbed slowly enough to be
 *                       scored. 0 turns clipping off; absent (null): {@value #DEFAULT_CLIP_SIGMAS}
 */
public record NormalizationConfig(double alpha, double halfLifeFrames, int warmupFrames, Double clipSigmas) {
    /** Measured on the generated corpus, the drift suites and SKAB (docs/quality.md, issue #8 round 5). */
    public static final double DEFAULT_CLIP_SIGMAS = 3.0;

    public NormalizationConfig {
        Validate.inRange("normalization.alpha", alpha, 0, 1);
        Validate.atLeast("normalization.halfLifeFrames", halfLifeFrames, 1);
        Validate.atLeast("normalization.warmupFrames", warmupFrames, 1);
        clipSigmas = clipSigmas == null ? DEFAULT_CLIP_SIGMAS : clipSigmas;
        if (clipSigmas != 0) {
            // below one std the mean could hardly move, and the config would freeze the statistics by accident
            Validate.atLeast("normalization.clipSigmas (0 = off)", clipSigmas, 1);
        }
    }

    /** With the default clipping. */
    public NormalizationConfig(double alpha, double halfLifeFrames, int warmupFrames) {
        this(alpha, halfLifeFrames, warmupFrames, null);
    }

    /** Fixed normalizer only. */
    public static NormalizationConfig off() {
        return new NormalizationConfig(0, 200, 50);
    }

    public boolean enabled() {
        return alpha > 0;
    }
}
