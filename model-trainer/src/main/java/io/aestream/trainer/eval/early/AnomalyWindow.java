package io.aestream.trainer.eval.early;

import java.util.ArrayList;
import java.util.List;

/**
 * A labelled anomaly window, rows {@code start..end} inclusive (0-based).
 */
public record AnomalyWindow(int start, int end) {

    public AnomalyWindow {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("anomaly window: need 0 <= start <= end, got [" + start + ", " + end + "]");
        }
    }

    public int width() {
        return end - start + 1;
    }

    public boolean contains(int row) {
        return row >= start && row <= end;
    }

    /**
     * Windows from a per-row label column: each contiguous run of anomalous rows, widened by {@code widenBefore}
     * rows before and {@code widenAfter} after (clipped to the series; windows that then overlap are merged).
     * Widening before the run credits detectors that notice the build-up of a fault, as NAB's centred windows do.
     */
    public static List<AnomalyWindow> fromLabels(boolean[] labels, int widenBefore, int widenAfter) {
        if (widenBefore < 0 || widenAfter < 0) {
            throw new IllegalArgumentException("window widening: must be >= 0, got " + widenBefore + " before, " + widenAfter + " after");
        }
        List<AnomalyWindow> windows = new ArrayList<>();
        int i = 0;
        while (i < labels.length) {
            if (!labels[i]) {
                i++;
                continue;
            }
            int runEnd = i;
            while (runEnd + 1 < labels.length && labels[runEnd + 1]) {
                runEnd++;
            }
            int start = Math.max(0, i - widenBefore);
            int end = Math.min(labels.length - 1, runEnd + widenAfter);
            AnomalyWindow last = windows.isEmpty() ? null : windows.get(windows.size() - 1);
            if (last != null && start <= last.end() + 1) {
                windows.set(windows.size() - 1, new AnomalyWindow(last.start(), end));
            } else {
                windows.add(new AnomalyWindow(start, end));
            }
            i = runEnd + 1;
        }
        return windows;
    }
}
