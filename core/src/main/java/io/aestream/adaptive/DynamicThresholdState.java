package io.aestream.adaptive;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link DynamicThresholdConfig}'s per-key state: the moving average and the window of smoothed scores. The
 * threshold and the flag of the observed frame are computed once in {@link #observe} from the window plus the
 * frame's smoothed score; {@link #learn} commits both, flagged or not (the window is the recent error
 * distribution, anomalies included, as in the method).
 */
final class DynamicThresholdState implements ThresholdState {
    static final byte TAG = 3;

    private final DynamicThresholdConfig config;
    private final ScoreRing window;
    private double average;
    private long count;
    private double smoothed;
    private double epsilon;
    private boolean exceeded;

    DynamicThresholdState(DynamicThresholdConfig config) {
        this(config, new ScoreRing(config.windowFrames() - 1), 0, 0);
    }

    private DynamicThresholdState(DynamicThresholdConfig config, ScoreRing window, double average, long count) {
        this.config = config;
        this.window = window;
        this.average = average;
        this.count = count;
    }

    @Override
    public void observe(double score) {
        double a = Math.max(2.0 / (config.smoothingFrames() + 1), 1.0 / (count + 1));
        smoothed = count == 0 ? score : average + a * (score - average);
        epsilon = Double.NaN;
        exceeded = false;
        if (ready()) {
            double[] e = new double[window.size() + 1];
            for (int k = 0; k < window.size(); k++) {
                e[k] = window.get(k);
            }
            e[e.length - 1] = smoothed;
            epsilon = epsilon(e);
            exceeded = smoothed >= epsilon && !pruned(e, epsilon);
        }
    }

    @Override
    public boolean ready() {
        return window.size() + 1 >= config.warmupFrames();
    }

    @Override
    public double threshold() {
        return epsilon;
    }

    @Override
    public boolean exceeded() {
        return exceeded;
    }

    @Override
    public void learn(boolean flagged) {
        average = smoothed;
        count++;
        window.add(smoothed);
    }

    /** ε = μ + zσ with the z that maximises the method's score, else μ + zMax·σ. */
    private double epsilon(double[] e) {
        double mean = mean(e, Double.POSITIVE_INFINITY);
        double sd = Math.sqrt(variance(e, mean, Double.POSITIVE_INFINITY));
        double best = mean + config.zMax() * sd;
        if (!(sd > 0) || !(mean > 0)) {
            return best;
        }
        double bestScore = Double.NEGATIVE_INFINITY;
        for (double z = config.zMin(); z <= config.zMax() + 1e-9; z += config.zStep()) {
            double eps = mean + z * sd;
            int above = 0;
            int sequences = 0;
            for (int i = 0; i < e.length; i++) {
                if (e[i] >= eps) {
                    above++;
                    sequences += i == 0 || e[i - 1] < eps ? 1 : 0;
                }
            }
            if (above == 0 || sequences > 5 || above >= e.length / 2) {
                continue;
            }
            double belowMean = mean(e, eps);
            double belowSd = Math.sqrt(variance(e, belowMean, eps));
            double score = ((mean - belowMean) / mean + (sd - belowSd) / sd) / (above + (double) sequences * sequences);
            if (score >= bestScore) {
                bestScore = score;
                best = eps;
            }
        }
        return best;
    }

    /** Whether pruning drops the sequence of the last point (which lies at or above {@code eps}). */
    private boolean pruned(double[] e, double eps) {
        List<Double> maxima = new ArrayList<>();
        double normalMax = Double.NEGATIVE_INFINITY;
        double current = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < e.length; i++) {
            if (e[i] < eps) {
                normalMax = Math.max(normalMax, e[i]);
                if (i > 0 && e[i - 1] >= eps) {
                    maxima.add(current);
                }
                current = Double.NEGATIVE_INFINITY;
            } else {
                current = Math.max(current, e[i]);
            }
        }
        double own = current; // the last point is above eps, so its sequence is still open
        maxima.add(own);
        maxima.sort((x, y) -> Double.compare(y, x));
        maxima.add(Double.isInfinite(normalMax) ? 0 : normalMax);
        boolean ownPruned = false;
        for (int i = 0; i < maxima.size() - 1; i++) {
            boolean small = (maxima.get(i) - maxima.get(i + 1)) / maxima.get(i) < config.minDecrease();
            if (small) {
                ownPruned |= maxima.get(i).doubleValue() == own;
            } else {
                ownPruned = false;
            }
        }
        return ownPruned;
    }

    /** Mean of the values below {@code limit}. */
    private static double mean(double[] e, double limit) {
        double sum = 0;
        int n = 0;
        for (double v : e) {
            if (v < limit) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    /** Population variance of the values below {@code limit} around {@code mean}. */
    private static double variance(double[] e, double mean, double limit) {
        double sum = 0;
        int n = 0;
        for (double v : e) {
            if (v < limit) {
                sum += (v - mean) * (v - mean);
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    @Override
    public byte tag() {
        return TAG;
    }

    @Override
    public void writeTo(DataOutput out) throws IOException {
        out.writeInt(config.windowFrames());
        out.writeInt(config.smoothingFrames());
        out.writeDouble(config.zMin());
        out.writeDouble(config.zMax());
        out.writeDouble(config.zStep());
        out.writeDouble(config.minDecrease());
        out.writeInt(config.warmupFrames());
        out.writeDouble(average);
        out.writeLong(count);
        window.writeTo(out);
    }

    static DynamicThresholdState readFrom(DataInput in) throws IOException {
        DynamicThresholdConfig config = new DynamicThresholdConfig(in.readInt(), in.readInt(), in.readDouble(), in.readDouble(),
                in.readDouble(), in.readDouble(), in.readInt());
        double average = in.readDouble();
        long count = in.readLong();
        return new DynamicThresholdState(config, ScoreRing.readFrom(in), average, count);
    }
}
