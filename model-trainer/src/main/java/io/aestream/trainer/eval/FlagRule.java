package io.aestream.trainer.eval;

import io.aestream.trainer.data.EnumOption;
import io.aestream.trainer.data.FrameSet;
import io.aestream.trainer.data.RowRange;

import java.util.Arrays;

/**
 * How frame scores become row scores. {@code LAST}: a row gets the score of the frame it ends (the window
 * layout's rule; rows ending no frame get none). {@code ALL}: a row gets the lowest score of every frame
 * covering it, so it is flagged only when all those windows are (the SKAB Conv-AE rule). {@code ALL_IN_RANGE}:
 * as {@code ALL}, but the evaluated rows are windowed on their own, as SKAB's notebooks window the test rows:
 * only windows lying wholly in the evaluated rows count, and a row covered by fewer of them than a row in the
 * middle (the first and last W−1 rows of each file's evaluated part) is never flagged (score 0) — it neither
 * borrows the low scores of windows over training rows nor is judged on a partial set of windows.
 */
public enum FlagRule {
    LAST, ALL, ALL_IN_RANGE;

    public static FlagRule parse(String text) {
        return EnumOption.parse(FlagRule.class, "flag rule", text);
    }

    /** Per global row: its score under this rule over all rows, NaN where no frame gives one. */
    public double[] rowScores(FrameSet frames, double[] frameScores) {
        return rowScores(frames, frameScores, new RowRange(0, frames.rows()));
    }

    /** Per global row: its score under this rule when {@code range} is the evaluated part, NaN where none. */
    public double[] rowScores(FrameSet frames, double[] frameScores, RowRange range) {
        double[] rows = new double[frames.rows()];
        Arrays.fill(rows, Double.NaN);
        int[] covering = new int[frames.rows()];
        for (int i = 0; i < frames.size(); i++) {
            int first = frames.firstRow()[i];
            int last = frames.lastRow()[i];
            if (this == LAST) {
                rows[last] = frameScores[i];
            } else if (this == ALL || range.covers(first, last)) {
                for (int r = first; r <= last; r++) {
                    rows[r] = Double.isNaN(rows[r]) ? frameScores[i] : Math.min(rows[r], frameScores[i]);
                    covering[r]++;
                }
            }
        }
        if (this == ALL_IN_RANGE) {
            int full = Arrays.stream(covering).max().orElse(0);
            for (int r = range.start(); r < Math.min(range.end(), rows.length); r++) {
                if (covering[r] < full) {
                    rows[r] = 0.0;
                }
            }
        }
        return rows;
    }
}
