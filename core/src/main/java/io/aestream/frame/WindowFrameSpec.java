package io.aestream.frame;

import java.util.ArrayList;
import java.util.List;

/**
 * A sliding window of {@code window} rows, advanced by {@code hop} rows, over the chosen columns, flattened
 * time-major: {@code [row0.col0, row0.col1, …, row1.col0, …]}. The frame (and its score) belongs to its last row.
 */
public record WindowFrameSpec(List<String> columns, int window, int hop) implements TabularFrameSpec {
    public WindowFrameSpec {
        FrameSpec.requireColumns(columns);
        columns = List.copyOf(columns);
        if (window < 1) {
            throw new IllegalArgumentException("window: must be >= 1, got " + window);
        }
        if (hop < 1 || hop > window) {
            throw new IllegalArgumentException("hop: must be in [1, window=" + window + "], got " + hop);
        }
    }

    @Override
    public int inputSize() {
        return window * columns.size();
    }

    /** {@code column@t-k}, k rows before the window's last row. */
    @Override
    public List<String> featureNames() {
        List<String> names = new ArrayList<>(inputSize());
        for (int t = 0; t < window; t++) {
            for (String c : columns) {
                names.add(c + "@t-" + (window - 1 - t));
            }
        }
        return names;
    }

    @Override
    public String layout() {
        return "window";
    }
}
