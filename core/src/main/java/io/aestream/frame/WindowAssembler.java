package io.aestream.frame;

/**
 * Turns a row stream into sliding-window frames: after the first {@code window} rows, every {@code hop}-th row
 * completes a frame made of the last {@code window} rows. Used by the trainer, the offline CLI and the stream
 * app alike, so all three cut the same frames.
 */
public final class WindowAssembler {
    private final WindowFrameSpec spec;
    private final int columns;

    public WindowAssembler(WindowFrameSpec spec) {
        this.spec = spec;
        this.columns = spec.columns().size();
    }

    /**
     * Appends {@code row} (one value per column) to {@code state}.
     *
     * @return the completed frame (time-major, oldest row first), or {@code null} if this row completes none
     */
    public double[] push(WindowState state, double[] row) {
        if (row.length != columns) {
            throw new IllegalArgumentException("row: expected " + columns + " values (" + spec.columns() + "), found " + row.length);
        }
        int w = spec.window();
        int slot = (int) (state.rowsSeen % w);
        System.arraycopy(row, 0, state.ring, slot * columns, columns);
        state.rowsSeen++;
        long past = state.rowsSeen - w;
        if (past < 0 || past % spec.hop() != 0) {
            return null;
        }
        double[] frame = new double[w * columns];
        int oldest = (int) (state.rowsSeen % w);
        for (int t = 0; t < w; t++) {
            int src = ((oldest + t) % w) * columns;
            System.arraycopy(state.ring, src, frame, t * columns, columns);
        }
        return frame;
    }
}
