package io.aestream.scoring;

import java.util.List;

/**
 * The per-feature likelihood of a frame, expanded from the bundle's column spec to the frame's features (a window
 * frame repeats its columns once per row): network output → per-feature NLL terms → score. The score is the mean
 * of the monitored features' terms; context features get a term of 0, so attribution never names them. A
 * Bernoulli column under a Gaussian model reads the network's output as a logit and squashes it first.
 */
public final class FrameLikelihood {
    private final Distribution[] types;
    private final boolean[] squash;
    private final boolean[] monitored;
    private final int monitoredCount;

    private FrameLikelihood(Distribution[] types, boolean[] squash, boolean[] monitored) {
        this.types = types;
        this.squash = squash;
        this.monitored = monitored;
        int m = 0;
        for (boolean b : monitored) {
            m += b ? 1 : 0;
        }
        this.monitoredCount = m;
    }

    /** Every feature monitored under the model's distribution (bundles without a column spec, audio). */
    public static FrameLikelihood uniform(Distribution distribution, int size) {
        Distribution[] t = new Distribution[size];
        boolean[] mon = new boolean[size];
        java.util.Arrays.fill(t, distribution);
        java.util.Arrays.fill(mon, true);
        return new FrameLikelihood(t, new boolean[size], mon);
    }

    /**
     * {@code columns} expanded to {@code size} features that repeat the columns in order (a vector frame: once; a
     * time-major window frame: once per row).
     */
    public static FrameLikelihood of(Distribution model, InputColumns columns, int size) {
        List<ColumnSpec> cols = columns.columns();
        if (size % cols.size() != 0) {
            throw new IllegalArgumentException("columns: " + size + " features are not a whole number of rows of "
                    + cols.size() + " columns " + columns.names());
        }
        Distribution[] types = new Distribution[size];
        boolean[] squash = new boolean[size];
        boolean[] mon = new boolean[size];
        for (int i = 0; i < size; i++) {
            ColumnSpec c = cols.get(i % cols.size());
            requireCompatible(model, c);
            types[i] = c.type();
            squash[i] = model == Distribution.GAUSSIAN && c.type() == Distribution.BERNOULLI;
            mon[i] = c.monitored();
        }
        return new FrameLikelihood(types, squash, mon);
    }

    private static void requireCompatible(Distribution model, ColumnSpec c) {
        boolean ok = model == Distribution.GAUSSIAN
                ? c.type() == Distribution.GAUSSIAN || c.type() == Distribution.BERNOULLI
                : c.type() == model;
        if (!ok) {
            throw new IllegalArgumentException("column " + c.name() + " type: " + c.type() + " cannot be scored under a "
                    + model + " model (a Gaussian model takes gaussian and bernoulli columns, others only their own)");
        }
    }

    public int size() {
        return types.length;
    }

    /** Whether feature {@code i} counts in the score. */
    public boolean monitored(int i) {
        return monitored[i];
    }

    /** Whether feature {@code i} is real-valued (Gaussian), i.e. may be rescaled; 0/1 and one-hot features may not. */
    public boolean gaussian(int i) {
        return types[i] == Distribution.GAUSSIAN;
    }

    /** Whether the network's output for feature {@code i} is a logit that {@link #score} squashes. */
    public boolean squashed(int i) {
        return squash[i];
    }

    /** The same features, every one Gaussian (a linear baseline such as PCA outputs values, not logits). */
    public FrameLikelihood asGaussian() {
        Distribution[] t = new Distribution[types.length];
        java.util.Arrays.fill(t, Distribution.GAUSSIAN);
        return new FrameLikelihood(t, new boolean[types.length], monitored.clone());
    }

    /**
     * Turns the network output into the reconstruction on the normalized scale (squashing logits, in place) and
     * fills {@code errors} with the per-feature NLL terms.
     *
     * @return the score: the mean term over the monitored features
     */
    public double score(double[] normalized, double[] output, double[] errors) {
        double sum = 0;
        for (int i = 0; i < types.length; i++) {
            if (squash[i]) {
                output[i] = 1 / (1 + Math.exp(-output[i]));
            }
            errors[i] = monitored[i] ? types[i].elementLoss(normalized[i], output[i]) : 0;
            sum += errors[i];
        }
        return sum / monitoredCount;
    }

    /**
     * Feature {@code i}'s NLL term for the network's raw output {@code out}, for fine-tuning: every feature counts
     * here, monitored or not, since the model reconstructs them all.
     */
    public double trainingLoss(int i, double x, double out) {
        double p = squash[i] ? 1 / (1 + Math.exp(-out)) : out;
        return types[i].elementLoss(x, p);
    }

    /** d(training loss of feature {@code i})/d(pre-activation) for a squashed feature: σ(z) − x. */
    public double squashedGradient(int i, double x, double out) {
        return 1 / (1 + Math.exp(-out)) - x;
    }
}
