package io.aestream.trainer.eval;

/** A confusion matrix and the rates derived from it (NaN where a denominator is 0). */
public record Counts(long tp, long fp, long tn, long fn) {
    public double precision() {
        return ratio(tp, tp + fp);
    }

    public double recall() {
        return ratio(tp, tp + fn);
    }

    public double f1() {
        return ratio(2 * tp, 2 * tp + fp + fn);
    }

    /** False alarm rate FP / (FP + TN). */
    public double far() {
        return ratio(fp, fp + tn);
    }

    /** Missed alarm rate FN / (FN + TP). */
    public double mar() {
        return ratio(fn, fn + tp);
    }

    private static double ratio(long num, long den) {
        return den == 0 ? Double.NaN : (double) num / den;
    }
}
