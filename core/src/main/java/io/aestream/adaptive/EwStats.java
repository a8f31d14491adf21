package io.aestream.adaptive;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Exponentially weighted mean and (population) variance of a vector stream, O(d) memory. The weight of a new
 * value is {@code max(1 - 2^(-1/halfLife), 1/n)}: a plain running mean at first, so the start carries no bias
 * from an arbitrary initial value, then an exponential window. Mutable.
 */
final class EwStats {
    private final double[] mean;
    private final double[] var;
    private long count;

    EwStats(int size) {
        this(new double[size], new double[size], 0);
    }

    private EwStats(double[] mean, double[] var, long count) {
        this.mean = mean;
        this.var = var;
        this.count = count;
    }

    static double decayWeight(double halfLife) {
        return 1 - Math.pow(2, -1 / halfLife);
    }

    /**
     * Adds a frame; with {@code maxDeviation} (null: none) each deviation from the mean is clipped to it first, so
     * one far-out value moves mean and variance by a bounded step.
     */
    void add(double[] x, double halfLife, double[] maxDeviation) {
        count++;
        double a = Math.max(decayWeight(halfLife), 1.0 / count);
        for (int i = 0; i < mean.length; i++) {
            double d = x[i] - mean[i];
            if (maxDeviation != null) {
                d = Math.max(-maxDeviation[i], Math.min(maxDeviation[i], d));
            }
            double inc = a * d;
            mean[i] += inc;
            var[i] = (1 - a) * (var[i] + d * inc);
        }
    }

    long count() {
        return count;
    }

    double mean(int i) {
        return mean[i];
    }

    double variance(int i) {
        return var[i];
    }

    void writeTo(DataOutput out) throws IOException {
        out.writeLong(count);
        Codec.writeDoubles(out, mean);
        Codec.writeDoubles(out, var);
    }

    static EwStats readFrom(DataInput in) throws IOException {
        long count = in.readLong();
        double[] mean = Codec.readDoubles(in);
        double[] var = Codec.readDoubles(in);
        if (mean.length != var.length) {
            throw new IllegalArgumentException("adaptive state: mean/variance lengths differ, " + mean.length + " vs " + var.length);
        }
        return new EwStats(mean, var, count);
    }
}
