package io.aestream.trainer.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * A run of consecutive true rows, {@code [start, end)}: a labelled anomaly sequence, or a flagged region.
 */
public record Span(int start, int end) {

    /** The runs of true rows of {@code mask}, in order. */
    public static List<Span> runs(boolean[] mask) {
        List<Span> runs = new ArrayList<>();
        for (int i = 0; i < mask.length; ) {
            if (!mask[i]) {
                i++;
                continue;
            }
            int end = i;
            while (end < mask.length && mask[end]) {
                end++;
            }
            runs.add(new Span(i, end));
            i = end;
        }
        return runs;
    }

    public int length() {
        return end - start;
    }

    /**
     * Whether any row of the span, or a row right next to it, is true in {@code labels}: a flagged region that touches
     * a sequence is no false positive ({@link EventFigures}).
     */
    public boolean touches(boolean[] labels) {
        for (int i = Math.max(0, start - 1); i < Math.min(labels.length, end + 1); i++) {
            if (labels[i]) {
                return true;
            }
        }
        return false;
    }

    /** Whether any row of the span is true in {@code mask}. */
    public boolean overlaps(boolean[] mask) {
        for (int i = start; i < end; i++) {
            if (mask[i]) {
                return true;
            }
        }
        return false;
    }
}
