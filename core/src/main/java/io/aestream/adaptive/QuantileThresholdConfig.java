package io.aestream.adaptive;

/**
 * Adaptive threshold: {@code factor} times the {@code quantile} of recent scores, taken from a decaying
 * log-bucket sketch (bounded memory; a score's weight halves every {@code halfLifeFrames} frames).
 *
 * @param quantile          in (0, 1), e.g. 0.99
 * @param halfLifeFrames    forgetting half-life of the sketch, in frames
 * @param relativeAccuracy  bucket width: any returned quantile is within this relative error of a stored score
 * @param factor            multiplier on the quantile (>= 1 leaves headroom above the recent tail)
 * @param warmupFrames      frames before the sketch is trusted; until then the bundle's threshold is used
 */
public record QuantileThresholdConfig(double quantile, double halfLifeFrames, double relativeAccuracy, double factor,
                                      int warmupFrames) implements ThresholdConfig {

    public QuantileThresholdConfig {
        Validate.openRange("threshold.quantile", quantile, 0, 1);
        Validate.atLeast("threshold.halfLifeFrames", halfLifeFrames, 1);
        Validate.openRange("threshold.relativeAccuracy", relativeAccuracy, 0, 0.5);
        Validate.atLeast("threshold.factor", factor, Double.MIN_NORMAL);
        Validate.atLeast("threshold.warmupFrames", warmupFrames, 1);
    }

    public static QuantileThresholdConfig defaults() {
        return new QuantileThresholdConfig(0.99, 2000, 0.02, 1.0, 200);
    }

    @Override
    public ThresholdState newState() {
        return new QuantileThresholdState(this, new DecayingQuantileSketch(relativeAccuracy, halfLifeFrames));
    }
}
