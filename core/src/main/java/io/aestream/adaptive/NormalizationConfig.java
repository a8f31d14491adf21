package io.aestream.adaptive;

/**
 * Rolling normalization: per-feature exponentially weighted mean and variance of the raw inputs, blended with
 * the bundle's fixed standardization so that slow drift in level or spread is not scored as an anomaly.
 *
 * @param alpha          weight of the rolling statistics in [0, 1]: 0 keeps the fixed normalizer (off), 1 uses
 *                       only the rolling one; mean and std are blended, so the result is still a standardization
 * @param halfLifeFrames frames after which a past frame's weight in the rolling statistics has halved
 * @param warmupFrames   frames seen before the rolling statistics are used; until then the fixed normalizer is
 */
public record NormalizationConfig(double alpha, double halfLifeFrames, int warmupFrames) {

    public NormalizationConfig {
        Validate.inRange("normalization.alpha", alpha, 0, 1);
        Validate.atLeast("normalization.halfLifeFrames", halfLifeFrames, 1);
        Validate.atLeast("normalization.warmupFrames", warmupFrames, 1);
    }

    /** Fixed normalizer only. */
    public static NormalizationConfig off() {
        return new NormalizationConfig(0, 200, 50);
    }

    public boolean enabled() {
        return alpha > 0;
    }
}
