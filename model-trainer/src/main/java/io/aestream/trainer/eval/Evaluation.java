package io.aestream.trainer.eval;

import io.aestream.scoring.Scorer;
import io.aestream.trainer.data.Dataset;
import io.aestream.trainer.data.FrameSet;
import io.aestream.trainer.data.RowRange;

import java.util.ArrayList;
import java.util.List;

/**
 * The model and its PCA baseline scored on the same labelled rows. Rows without a score under the flag rule
 * (before the first full window) are left out.
 *
 * @param modelVersion the bundle evaluated
 */
public record Evaluation(String modelVersion, String flagRule, Figures model, Figures pca) {

    /** Scores of every frame of {@code frames} through {@code scorer}. */
    public static double[] frameScores(Scorer scorer, FrameSet frames) {
        double[] out = new double[frames.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = scorer.score(frames.frames()[i]).score();
        }
        return out;
    }

    /** Row scores and labels of the rows in {@code rows} that have a score. */
    public record Rows(double[] scores, boolean[] labels) {
        public static Rows select(double[] rowScores, boolean[] rowLabels, RowRange rows) {
            List<Integer> keep = new ArrayList<>();
            for (int r = rows.start(); r < Math.min(rows.end(), rowScores.length); r++) {
                if (!Double.isNaN(rowScores[r])) {
                    keep.add(r);
                }
            }
            double[] s = new double[keep.size()];
            boolean[] l = new boolean[keep.size()];
            for (int i = 0; i < s.length; i++) {
                s[i] = rowScores[keep.get(i)];
                l[i] = rowLabels[keep.get(i)];
            }
            return new Rows(s, l);
        }

        /** Several files' rows concatenated (a benchmark over many experiments). */
        public static Rows concat(List<Rows> parts) {
            int n = parts.stream().mapToInt(p -> p.scores.length).sum();
            double[] s = new double[n];
            boolean[] l = new boolean[n];
            int at = 0;
            for (Rows p : parts) {
                System.arraycopy(p.scores, 0, s, at, p.scores.length);
                System.arraycopy(p.labels, 0, l, at, p.labels.length);
                at += p.scores.length;
            }
            return new Rows(s, l);
        }
    }

    /** Scores one model on the labelled rows of {@code data}. */
    public static Rows rows(Scorer scorer, Dataset data, RowRange rows, FlagRule rule) {
        return rows(frameScores(scorer, data.frames()), data, rows, rule);
    }

    /** The labelled rows of {@code data} under {@code rule}, from frame scores already computed. */
    public static Rows rows(double[] frameScores, Dataset data, RowRange rows, FlagRule rule) {
        boolean[] labels = data.rowLabels();
        if (labels == null) {
            throw new IllegalArgumentException("evaluate: the input has no label column");
        }
        return Rows.select(rule.rowScores(data.frames(), frameScores, rows), labels, rows);
    }
}
