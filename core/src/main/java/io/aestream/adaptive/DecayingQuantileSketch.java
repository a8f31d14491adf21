package io.aestream.adaptive;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Streaming quantiles of non-negative scores with bounded memory and forgetting. Log-spaced buckets with
 * ratio γ = (1 + r) / (1 − r) over [{@link #MIN_VALUE}, {@link #MAX_VALUE}] (as in DDSketch), so any quantile
 * is returned within relative error r of a stored value; values at or below the minimum share one bucket.
 * Decay without touching every bucket per insert: the n-th value gets weight g^n with g = 2^(1/halfLife),
 * and all weights are rescaled when they grow large — relative weights are those of exponential decay.
 * Mutable; serialized sparsely (only non-empty buckets), since scores occupy a few decades at most.
 */
public final class DecayingQuantileSketch {
    static final double MIN_VALUE = 1e-6;
    static final double MAX_VALUE = 1e6;
    private static final double RESCALE_ABOVE = 1e150;

    private final double relativeAccuracy;
    private final double halfLife;
    private final double logGamma;
    private final double[] weights;
    private double nextWeight;
    private double total;
    private long count;

    public DecayingQuantileSketch(double relativeAccuracy, double halfLife) {
        Validate.openRange("threshold.relativeAccuracy", relativeAccuracy, 0, 0.5);
        Validate.atLeast("threshold.halfLifeFrames", halfLife, 1);
        this.relativeAccuracy = relativeAccuracy;
        this.halfLife = halfLife;
        this.logGamma = Math.log((1 + relativeAccuracy) / (1 - relativeAccuracy));
        this.weights = new double[2 + (int) Math.ceil(Math.log(MAX_VALUE / MIN_VALUE) / logGamma)];
        this.nextWeight = 1;
    }

    public void add(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("score: must be finite, got " + value);
        }
        weights[bucket(value)] += nextWeight;
        total += nextWeight;
        count++;
        nextWeight *= Math.pow(2, 1 / halfLife);
        if (nextWeight > RESCALE_ABOVE) {
            double s = 1 / nextWeight;
            for (int i = 0; i < weights.length; i++) {
                weights[i] *= s;
            }
            total *= s;
            nextWeight = 1;
        }
    }

    /** The q-quantile of the decayed distribution; NaN while empty. */
    public double quantile(double q) {
        if (count == 0) {
            return Double.NaN;
        }
        double target = q * total;
        double cum = 0;
        for (int i = 0; i < weights.length; i++) {
            cum += weights[i];
            if (cum >= target && weights[i] > 0) {
                return representative(i);
            }
        }
        return representative(lastNonEmpty());
    }

    public long count() {
        return count;
    }

    private int bucket(double v) {
        if (v <= MIN_VALUE) {
            return 0;
        }
        int i = (int) Math.ceil(Math.log(v / MIN_VALUE) / logGamma);
        return Math.min(Math.max(i, 1), weights.length - 1);
    }

    /** Bucket i > 0 holds (min·γ^(i−1), min·γ^i]; its representative 2·min·γ^i/(γ+1) is within r of both ends. */
    private double representative(int i) {
        if (i == 0) {
            return MIN_VALUE;
        }
        double gamma = Math.exp(logGamma);
        return 2 * MIN_VALUE * Math.exp(i * logGamma) / (gamma + 1);
    }

    private int lastNonEmpty() {
        for (int i = weights.length - 1; i > 0; i--) {
            if (weights[i] > 0) {
                return i;
            }
        }
        return 0;
    }

    void writeTo(DataOutput out) throws IOException {
        out.writeDouble(relativeAccuracy);
        out.writeDouble(halfLife);
        out.writeDouble(nextWeight);
        out.writeDouble(total);
        out.writeLong(count);
        int nonEmpty = 0;
        for (double w : weights) {
            nonEmpty += w > 0 ? 1 : 0;
        }
        out.writeInt(nonEmpty);
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] > 0) {
                out.writeInt(i);
                out.writeDouble(weights[i]);
            }
        }
    }

    static DecayingQuantileSketch readFrom(DataInput in) throws IOException {
        DecayingQuantileSketch s = new DecayingQuantileSketch(in.readDouble(), in.readDouble());
        s.nextWeight = in.readDouble();
        s.total = in.readDouble();
        s.count = in.readLong();
        int n = Codec.readLength(in, "sketch buckets");
        for (int k = 0; k < n; k++) {
            int i = in.readInt();
            if (i < 0 || i >= s.weights.length) {
                throw new IllegalArgumentException("adaptive state: sketch bucket " + i + " outside [0, " + s.weights.length + ")");
            }
            s.weights[i] = in.readDouble();
        }
        return s;
    }
}
