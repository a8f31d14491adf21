package io.aestream.trainer.eval;

import java.util.List;

/**
 * Flags judged per event (Hundman et al., KDD 2018): each run of labelled rows is one anomaly sequence, found if
 * any flag falls inside it; each run of flagged rows that touches no sequence is one false positive. Beside it,
 * the point-adjusted F1 (every row of a found sequence counted as flagged), which rewards one lucky flag in a
 * long sequence as if the whole were found: an inflated figure, reported only for comparison with papers that
 * use it.
 *
 * @param sequences        labelled anomaly sequences
 * @param found            sequences with at least one flag inside
 * @param falsePositives   flagged regions touching no sequence
 * @param pointAdjustedF1  inflated; see above
 */
public record EventFigures(int sequences, int found, int falsePositives, double precision, double recall, double f1,
                           double pointAdjustedF1) {

    public static EventFigures of(boolean[] flags, boolean[] labels) {
        if (flags.length != labels.length) {
            throw new IllegalArgumentException("event figures: " + flags.length + " flags for " + labels.length + " labels");
        }
        List<Span> sequences = Span.runs(labels);
        int found = 0;
        long adjustedTp = 0;
        long anomalous = 0;
        for (Span q : sequences) {
            boolean hit = q.overlaps(flags);
            found += hit ? 1 : 0;
            adjustedTp += hit ? q.length() : 0;
            anomalous += q.length();
        }
        int falsePositives = 0;
        long flaggedNormal = 0;
        for (Span r : Span.runs(flags)) {
            falsePositives += r.touches(labels) ? 0 : 1;
            for (int i = r.start(); i < r.end(); i++) {
                flaggedNormal += labels[i] ? 0 : 1;
            }
        }
        double precision = found + falsePositives == 0 ? 0 : (double) found / (found + falsePositives);
        double recall = sequences.isEmpty() ? 0 : (double) found / sequences.size();
        double adjustedPrecision = adjustedTp + flaggedNormal == 0 ? 0 : (double) adjustedTp / (adjustedTp + flaggedNormal);
        double adjustedRecall = anomalous == 0 ? 0 : (double) adjustedTp / anomalous;
        return new EventFigures(sequences.size(), found, falsePositives, precision, recall, f1(precision, recall),
                f1(adjustedPrecision, adjustedRecall));
    }

    /** Several series' figures summed (a sequence never spans two series); the point-adjusted F1 is left NaN. */
    public static EventFigures sum(List<EventFigures> parts) {
        int sequences = parts.stream().mapToInt(EventFigures::sequences).sum();
        int found = parts.stream().mapToInt(EventFigures::found).sum();
        int falsePositives = parts.stream().mapToInt(EventFigures::falsePositives).sum();
        double precision = found + falsePositives == 0 ? 0 : (double) found / (found + falsePositives);
        double recall = sequences == 0 ? 0 : (double) found / sequences;
        return new EventFigures(sequences, found, falsePositives, precision, recall, f1(precision, recall), Double.NaN);
    }

    /** Flags {@code score > threshold} judged per event. */
    public static EventFigures ofScores(double[] scores, boolean[] labels, double threshold) {
        return of(flagsAbove(scores, threshold), labels);
    }

    /** {@code score > threshold} per row. */
    public static boolean[] flagsAbove(double[] scores, double threshold) {
        boolean[] flags = new boolean[scores.length];
        for (int i = 0; i < flags.length; i++) {
            flags[i] = scores[i] > threshold;
        }
        return flags;
    }

    private static double f1(double p, double r) {
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
