package io.aestream.adaptive;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The last {@code capacity} values of a scalar stream, oldest dropped first: the sliding windows of the likelihood
 * and the thresholds. Mutable; serialized with only its filled part.
 */
final class ScoreRing {
    private final double[] values;
    private int next;
    private int filled;

    ScoreRing(int capacity) {
        this(new double[capacity], 0, 0);
    }

    private ScoreRing(double[] values, int next, int filled) {
        this.values = values;
        this.next = next;
        this.filled = filled;
    }

    void add(double v) {
        values[next] = v;
        next = (next + 1) % values.length;
        filled = Math.min(filled + 1, values.length);
    }

    int size() {
        return filled;
    }

    boolean full() {
        return filled == values.length;
    }

    /** The k-th value, oldest first. */
    double get(int k) {
        int start = filled < values.length ? 0 : next;
        return values[(start + k) % values.length];
    }

    /** The newest value. */
    double last() {
        return values[(next - 1 + values.length) % values.length];
    }

    double mean() {
        double sum = 0;
        for (int k = 0; k < filled; k++) {
            sum += values[k];
        }
        return filled == 0 ? Double.NaN : sum / filled;
    }

    /** Population variance around {@code mean}. */
    double variance(double mean) {
        double sum = 0;
        for (int k = 0; k < filled; k++) {
            double d = values[k] - mean;
            sum += d * d;
        }
        return filled == 0 ? Double.NaN : sum / filled;
    }

    /** The values, oldest first. */
    double[] toArray() {
        double[] out = new double[filled];
        for (int k = 0; k < filled; k++) {
            out[k] = get(k);
        }
        return out;
    }

    void writeTo(DataOutput out) throws IOException {
        out.writeInt(values.length);
        out.writeInt(next);
        out.writeInt(filled);
        for (int k = 0; k < filled; k++) {
            out.writeDouble(values[k]);
        }
    }

    static ScoreRing readFrom(DataInput in) throws IOException {
        int capacity = Codec.readLength(in, "window");
        int next = in.readInt();
        int filled = in.readInt();
        if (capacity == 0 || next < 0 || next >= capacity || filled < 0 || filled > capacity) {
            throw new IllegalArgumentException("adaptive state: bad window (" + capacity + ", " + next + ", " + filled + ")");
        }
        double[] values = new double[capacity];
        for (int k = 0; k < filled; k++) {
            values[k] = in.readDouble();
        }
        return new ScoreRing(values, next, filled);
    }
}
