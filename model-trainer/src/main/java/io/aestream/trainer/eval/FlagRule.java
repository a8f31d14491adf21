package io.aestream.trainer.eval;

import io.aestream.trainer.data.EnumOption;
import io.aestream.trainer.data.FrameSet;
import io.aestream.trainer.data.RowRange;

import java.util.Arrays;

/**
 * How frame scores become row scores. {@code LAST}: a row gets the score of the frame it ends (the window
 * layout's rule; rows ending no frame get none). {@code ALL}: a row gets the lowest score of every frame
 * covering it, so it is flagged only when all those windows are. {@code ALL_IN_RANGE}: as {@code ALL}, but
 * only windows lying wholly in the evaluated rows count, and a row covered by fewer of them than a row in the
 * middle (the first and last W−1 rows of each file's evaluated part) is never flagged (score 0) — it neither
 * borrows the low scores of windows over training rows nor is judged on a partial set of windows.
 * {@code SKAB_NOTEBOOK}: exactly the row rule of SKAB's published {@code Conv_AE} notebook, whose leaderboard
 * figures are computed this way: hop-1 windows over each whole file (training rows too, whatever the evaluated
 * range), local row r of a file with n windows scores the lowest of windows r−W+1 … r−1 (the W−1 windows covering
 * it that start before it; its own window is left out) for r in [W−1, n−W], and every other row scores 0, so the
 * last 2W−2 rows of a file are never flagged.
 */
public enum FlagRule {
    LAST, ALL, ALL_IN_RANGE, SKAB_NOTEBOOK;

    public static FlagRule parse(String text) {
        return EnumOption.parse(FlagRule.class, "flag rule", text);
    }

    /** Per global row: its score under this rule over all rows, NaN where no frame gives one. */
    public double[] rowScores(FrameSet frames, double[] frameScores) {
        return rowScores(frames, frameScores, new RowRange(0, frames.rows()));
    }

    /** Per global row: its score under this rule when {@code range} is the evaluated part, NaN where none. */
    public double[] rowScores(FrameSet frames, double[] frameScores, RowRange range) {
        if (this == SKAB_NOTEBOOK) {
            return notebookRows(frames, frameScores);
        }
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

    /** Rows of files without frames, or too short for the notebook's loop, score 0 like its unflagged rows. */
    private static double[] notebookRows(FrameSet frames, double[] frameScores) {
        double[] rows = new double[frames.rows()];
        int i = 0;
        while (i < frames.size()) {
            int first = i;
            int fileStart = frames.fileStartRow()[frames.file()[first]];
            while (i < frames.size() && frames.file()[i] == frames.file()[first]) {
                if (frames.firstRow()[i] != fileStart + i - first) {
                    throw new IllegalArgumentException("flag rule skab-notebook: needs a window starting at every row of a file,"
                            + " expected one at row " + (fileStart + i - first) + ", got row " + frames.firstRow()[i]);
                }
                i++;
            }
            int w = frames.lastRow()[first] - frames.firstRow()[first] + 1;
            if (w < 2) {
                throw new IllegalArgumentException("flag rule skab-notebook: needs windows of at least 2 rows, got " + w);
            }
            int n = i - first;
            for (int r = w - 1; r <= n - w; r++) {
                double min = Double.POSITIVE_INFINITY;
                for (int k = r - w + 1; k <= r - 1; k++) {
                    min = Math.min(min, frameScores[first + k]);
                }
                rows[fileStart + r] = min;
            }
        }
        return rows;
    }
}
