package io.aestream.trainer.eval;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Threshold-free and thresholded binary-classification figures of anomaly scores against 0/1 labels
 * (higher score = more anomalous; a score flags when it is strictly above the threshold).
 */
public final class BinaryMetrics {
    private BinaryMetrics() {
    }

    /** The F1-maximizing threshold: the midpoint below the lowest score it flags. */
    public record BestF1(double f1, double threshold) { }

    public static Counts counts(double[] scores, boolean[] labels, double threshold) {
        long tp = 0;
        long fp = 0;
        long tn = 0;
        long fn = 0;
        for (int i = 0; i < scores.length; i++) {
            boolean flagged = scores[i] > threshold;
            if (flagged && labels[i]) {
                tp++;
            } else if (flagged) {
                fp++;
            } else if (labels[i]) {
                fn++;
            } else {
                tn++;
            }
        }
        return new Counts(tp, fp, tn, fn);
    }

    /** Area under the ROC curve (ties count one half): the probability an anomaly outscores a normal frame. */
    public static double rocAuc(double[] scores, boolean[] labels) {
        Integer[] order = sortedAscending(scores);
        double rankSumPos = 0;
        long pos = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double midRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (labels[order[k]]) {
                    rankSumPos += midRank;
                    pos++;
                }
            }
            i = j + 1;
        }
        long neg = scores.length - pos;
        if (pos == 0 || neg == 0) {
            return Double.NaN;
        }
        return (rankSumPos - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }

    /** Average precision: Σ (Rₙ − Rₙ₋₁) Pₙ over distinct thresholds, highest score first. */
    public static double prAuc(double[] scores, boolean[] labels) {
        long totalPos = IntStream.range(0, labels.length).filter(k -> labels[k]).count();
        if (totalPos == 0) {
            return Double.NaN;
        }
        Integer[] order = sortedAscending(scores);
        double ap = 0;
        long tp = 0;
        long seen = 0;
        int i = order.length - 1;
        while (i >= 0) {
            int j = i;
            while (j - 1 >= 0 && scores[order[j - 1]] == scores[order[i]]) {
                j--;
            }
            long newTp = 0;
            for (int k = j; k <= i; k++) {
                newTp += labels[order[k]] ? 1 : 0;
            }
            tp += newTp;
            seen += i - j + 1;
            ap += (double) newTp / totalPos * tp / seen;
            i = j - 1;
        }
        return ap;
    }

    public static BestF1 bestF1(double[] scores, boolean[] labels) {
        Integer[] order = sortedAscending(scores);
        long totalPos = IntStream.range(0, labels.length).filter(k -> labels[k]).count();
        double bestF1 = 0;
        double bestThreshold = scores[order[order.length - 1]];
        long tp = 0;
        long flagged = 0;
        int i = order.length - 1;
        while (i >= 0) {
            int j = i;
            while (j - 1 >= 0 && scores[order[j - 1]] == scores[order[i]]) {
                j--;
            }
            for (int k = j; k <= i; k++) {
                tp += labels[order[k]] ? 1 : 0;
            }
            flagged += i - j + 1;
            double f1 = totalPos == 0 ? 0 : 2.0 * tp / (flagged + totalPos);
            if (f1 > bestF1) {
                bestF1 = f1;
                double lowest = scores[order[j]];
                bestThreshold = j > 0 ? (lowest + scores[order[j - 1]]) / 2 : Math.nextDown(lowest);
            }
            i = j - 1;
        }
        return new BestF1(bestF1, bestThreshold);
    }

    private static Integer[] sortedAscending(double[] scores) {
        Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(k -> scores[k]));
        return order;
    }
}
