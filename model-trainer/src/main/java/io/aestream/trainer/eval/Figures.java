package io.aestream.trainer.eval;

/**
 * One scorer's evaluation on labelled rows.
 *
 * @param threshold     the stored threshold the thresholded figures use
 * @param bestF1Threshold the threshold that would have maximized F1 on these rows
 */
public record Figures(long rows, long anomalies, double rocAuc, double prAuc, double bestF1, double bestF1Threshold,
                      double threshold, double precision, double recall, double f1, double far, double mar) {

    public static Figures of(double[] scores, boolean[] labels, double threshold) {
        long anomalies = 0;
        for (boolean l : labels) {
            anomalies += l ? 1 : 0;
        }
        BinaryMetrics.BestF1 best = BinaryMetrics.bestF1(scores, labels);
        Counts c = BinaryMetrics.counts(scores, labels, threshold);
        return new Figures(scores.length, anomalies, BinaryMetrics.rocAuc(scores, labels), BinaryMetrics.prAuc(scores, labels),
                best.f1(), best.threshold(), threshold, c.precision(), c.recall(), c.f1(), c.far(), c.mar());
    }
}
