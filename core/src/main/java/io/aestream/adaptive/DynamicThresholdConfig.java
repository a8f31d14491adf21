package io.aestream.adaptive;

/**
 * Nonparametric dynamic threshold (Hundman et al., KDD 2018, "Detecting Spacecraft Anomalies Using LSTMs and
 * Nonparametric Dynamic Thresholding"), run per frame: scores are smoothed by an exponentially weighted moving
 * average; over the last {@code windowFrames} smoothed scores (the current one included) the threshold is
 * ε = μ + zσ with z from {@code zMin} to {@code zMax} in steps of {@code zStep} chosen to maximise
 * (Δμ/μ + Δσ/σ) / (|anomalous points| + |anomalous sequences|²), where Δμ, Δσ are the drops in mean and std when
 * the points above ε are left out (at most 5 sequences and under half of the window may lie above ε, as in the
 * authors' code; without such a z, ε uses {@code zMax}). The frame is flagged when its smoothed score is at or above ε
 * and its sequence survives pruning: sequence maxima sorted descending, with the largest normal value appended, a
 * sequence is dropped while its maximum is less than {@code minDecrease} (relative) above the next one.
 *
 * @param windowFrames    smoothed scores the threshold is computed over
 * @param smoothingFrames span s of the moving average (weight 2 / (s + 1) on the newest score)
 * @param zMin            smallest z tried
 * @param zMax            largest z tried, and the fallback
 * @param zStep           step between the z tried
 * @param minDecrease     pruning's minimum relative gap p, e.g. 0.13
 * @param warmupFrames    smoothed scores needed before the threshold is used (the bundle's until then)
 */
public record DynamicThresholdConfig(int windowFrames, int smoothingFrames, double zMin, double zMax, double zStep,
                                     double minDecrease, int warmupFrames) implements ThresholdConfig {

    public DynamicThresholdConfig {
        Validate.atLeast("threshold.windowFrames", windowFrames, 10);
        Validate.atLeast("threshold.smoothingFrames", smoothingFrames, 1);
        Validate.atLeast("threshold.zMin", zMin, 0);
        Validate.atLeast("threshold.zMax", zMax, zMin);
        Validate.openRange("threshold.zStep", zStep, 0, 100);
        Validate.inRange("threshold.minDecrease", minDecrease, 0, 1);
        Validate.inRange("threshold.warmupFrames", warmupFrames, 2, windowFrames);
    }

    public static DynamicThresholdConfig defaults() {
        return new DynamicThresholdConfig(250, 30, 2.5, 12, 0.5, 0.13, 100);
    }

    @Override
    public ThresholdState newState() {
        return new DynamicThresholdState(this);
    }
}
