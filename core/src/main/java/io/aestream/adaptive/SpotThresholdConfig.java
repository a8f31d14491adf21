package io.aestream.adaptive;

/**
 * Streaming peaks-over-threshold (SPOT / DSPOT, Siffer et al., KDD 2017): the first {@code calibrationFrames}
 * scores set an initial threshold t at their {@code initialQuantile}; the excesses over t are fitted with a
 * generalized Pareto distribution (method of moments), and the alarm threshold z_q is the score exceeded with
 * probability {@code risk} under that tail. Afterwards every unflagged score above t joins the excesses (the
 * newest {@code maxPeaks} are kept, so the tail follows slow change) and z_q is refitted; a flagged score enters
 * censored, as an excess at the alarm level (its count keeps the exceedance rate right, its size stays out of the fit:
 * without that, SPOT's rule of learning no alarm truncates the tail it estimates and the level creeps down). With {@code driftWindow} > 0 (DSPOT) scores are taken relative to the mean of the last
 * {@code driftWindow} unflagged scores, so a drifting error level does not raise alarms.
 *
 * @param risk              q, the probability of a normal score above the threshold, in (0, 1), e.g. 1e-4
 * @param initialQuantile   level of the initial threshold t, in (0, 1), e.g. 0.98
 * @param calibrationFrames scores collected before the first fit (the bundle's threshold is used until then)
 * @param maxPeaks          excesses kept for the fit
 * @param driftWindow       0 for SPOT, else DSPOT's depth d
 */
public record SpotThresholdConfig(double risk, double initialQuantile, int calibrationFrames, int maxPeaks, int driftWindow)
        implements ThresholdConfig {

    public SpotThresholdConfig {
        Validate.openRange("threshold.risk", risk, 0, 1);
        Validate.openRange("threshold.initialQuantile", initialQuantile, 0, 1);
        Validate.atLeast("threshold.calibrationFrames", calibrationFrames, 10);
        Validate.atLeast("threshold.maxPeaks", maxPeaks, 3);
        Validate.atLeast("threshold.driftWindow", driftWindow, 0);
        if (risk >= 1 - initialQuantile) {
            throw new IllegalArgumentException("threshold.risk: must be below 1 - initialQuantile = " + (1 - initialQuantile)
                    + " (the alarm level lies above the initial threshold), got " + risk);
        }
    }

    public static SpotThresholdConfig defaults() {
        return new SpotThresholdConfig(1e-4, 0.98, 500, 500, 0);
    }

    @Override
    public ThresholdState newState() {
        return new SpotThresholdState(this);
    }
}
