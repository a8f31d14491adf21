package io.aestream.adaptive;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** The last {@code capacity} normalized frames judged normal, oldest dropped first: fine-tuning's data. Mutable. */
final class NormalFrameBuffer {
    private final double[][] frames;
    private int next;
    private int filled;

    NormalFrameBuffer(int capacity) {
        this(new double[capacity][], 0, 0);
    }

    private NormalFrameBuffer(double[][] frames, int next, int filled) {
        this.frames = frames;
        this.next = next;
        this.filled = filled;
    }

    void add(double[] frame) {
        frames[next] = frame.clone();
        next = (next + 1) % frames.length;
        filled = Math.min(filled + 1, frames.length);
    }

    int size() {
        return filled;
    }

    /** Copies of the frames, oldest first. */
    double[][] snapshot() {
        double[][] out = new double[filled][];
        int start = filled < frames.length ? 0 : next;
        for (int k = 0; k < filled; k++) {
            out[k] = frames[(start + k) % frames.length].clone();
        }
        return out;
    }

    void writeTo(DataOutput out) throws IOException {
        out.writeInt(frames.length);
        out.writeInt(next);
        out.writeInt(filled);
        for (int k = 0; k < filled; k++) {
            Codec.writeDoubles(out, frames[k]);
        }
    }

    static NormalFrameBuffer readFrom(DataInput in) throws IOException {
        int capacity = Codec.readLength(in, "buffer");
        int next = in.readInt();
        int filled = in.readInt();
        if (capacity == 0 || next < 0 || next >= capacity || filled < 0 || filled > capacity) {
            throw new IllegalArgumentException("adaptive state: bad frame buffer (" + capacity + ", " + next + ", " + filled + ")");
        }
        double[][] frames = new double[capacity][];
        for (int k = 0; k < filled; k++) {
            frames[k] = Codec.readDoubles(in);
        }
        return new NormalFrameBuffer(frames, next, filled);
    }
}
