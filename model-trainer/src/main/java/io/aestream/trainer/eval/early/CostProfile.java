package io.aestream.trainer.eval.early;

/**
 * Application profiles of the Numenta Anomaly Benchmark: reward for a true positive and (negative) weights
 * of a false positive and of a missed window.
 */
public enum CostProfile {
    STANDARD(1.0, -0.11, -1.0),
    REWARD_LOW_FP(1.0, -0.22, -1.0),
    REWARD_LOW_FN(1.0, -0.11, -2.0);

    private final double truePositive;
    private final double falsePositive;
    private final double falseNegative;

    CostProfile(double truePositive, double falsePositive, double falseNegative) {
        this.truePositive = truePositive;
        this.falsePositive = falsePositive;
        this.falseNegative = falseNegative;
    }

    /** A_TP: the reward of a detection at the very start of a window. */
    public double truePositive() {
        return truePositive;
    }

    /** A_FP (negative): the penalty of a detection far from any preceding window. */
    public double falsePositive() {
        return falsePositive;
    }

    /** A_FN (negative): the penalty of a window with no detection. */
    public double falseNegative() {
        return falseNegative;
    }
}
