package io.aestream.trainer.eval;

import io.aestream.trainer.data.FrameSet;

import java.util.Arrays;
import java.util.Locale;

/**
 * How frame scores become row scores. {@code LAST}: a row gets the score of the frame it ends (the window
 * layout's rule; rows ending no frame get none). {@code ALL}: a row gets the lowest score of every frame
 * covering it, so it is flagged only when all those windows are (the SKAB Conv-AE rule).
 */
public enum FlagRule {
    LAST, ALL;

    public static FlagRule parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("flag rule: must be last or all, got '" + text + "'", e);
        }
    }

    /** Per global row: its score under this rule, NaN where no frame gives one. */
    public double[] rowScores(FrameSet frames, double[] frameScores) {
        double[] rows = new double[frames.rows()];
        Arrays.fill(rows, Double.NaN);
        for (int i = 0; i < frames.size(); i++) {
            if (this == LAST) {
                rows[frames.lastRow()[i]] = frameScores[i];
            } else {
                for (int r = frames.firstRow()[i]; r <= frames.lastRow()[i]; r++) {
                    rows[r] = Double.isNaN(rows[r]) ? frameScores[i] : Math.min(rows[r], frameScores[i]);
                }
            }
        }
        return rows;
    }
}
