package io.aestream.adaptive;

import io.aestream.sampling.Shuffle;
import io.aestream.scoring.Distribution;
import io.aestream.scoring.DenseNetwork;
import io.aestream.scoring.FrameLikelihood;

import java.util.Random;

/**
 * Mini-batch Adam on an autoencoder's reconstruction NLL, in plain Java: frames (normalized) → a new network
 * with the same shape. Deterministic for a given seed (shuffling is the only randomness). Stateless and
 * thread-safe; the network passed in is not modified.
 */
public final class FineTuner {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;

    private final Distribution distribution;
    private final FrameLikelihood likelihood;

    /** Every feature under {@code distribution}. */
    public FineTuner(Distribution distribution) {
        this(distribution, null);
    }

    /** {@code likelihood}: the bundle's per-feature terms (column types); null for every feature under {@code distribution}. */
    public FineTuner(Distribution distribution, FrameLikelihood likelihood) {
        this.distribution = java.util.Objects.requireNonNull(distribution, "distribution");
        this.likelihood = likelihood;
    }

    private Backprop backprop(DenseNetwork network) {
        return new Backprop(network, distribution,
                likelihood != null ? likelihood : FrameLikelihood.uniform(distribution, network.inputSize()));
    }

    public DenseNetwork fineTune(DenseNetwork network, double[][] normalizedFrames, FineTuneConfig config) {
        requireFrames(network, normalizedFrames);
        Backprop bp = backprop(network);
        double[][] w = Backprop.weightsOf(network);
        double[][] b = Backprop.biasesOf(network);
        Adam adamW = new Adam(w);
        Adam adamB = new Adam(b);
        double[][] gw = zerosLike(w);
        double[][] gb = zerosLike(b);
        int[] order = new int[normalizedFrames.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(config.seed());
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            Shuffle.inPlace(order, random);
            for (int from = 0; from < order.length; from += config.batchSize()) {
                int to = Math.min(order.length, from + config.batchSize());
                clear(gw);
                clear(gb);
                bp.lossAndGradient(w, b, normalizedFrames, order, from, to, gw, gb);
                adamW.step(w, gw, config.learningRate());
                adamB.step(b, gb, config.learningRate());
            }
        }
        return Backprop.rebuild(network, w, b);
    }

    /** Mean per-feature NLL of the frames under the network: the mean anomaly score they would get. */
    public double meanLoss(DenseNetwork network, double[][] normalizedFrames) {
        requireFrames(network, normalizedFrames);
        return backprop(network).lossAndGradient(Backprop.weightsOf(network), Backprop.biasesOf(network),
                normalizedFrames, null, 0, normalizedFrames.length, null, null);
    }

    private static void requireFrames(DenseNetwork network, double[][] frames) {
        if (frames.length == 0) {
            throw new IllegalArgumentException("normalizedFrames: at least one frame is required");
        }
        for (double[] f : frames) {
            if (f.length != network.inputSize()) {
                throw new IllegalArgumentException("normalizedFrames: expected " + network.inputSize() + " features, found " + f.length);
            }
        }
    }

    static double[][] zerosLike(double[][] a) {
        double[][] z = new double[a.length][];
        for (int k = 0; k < a.length; k++) {
            z[k] = new double[a[k].length];
        }
        return z;
    }

    private static void clear(double[][] a) {
        for (double[] row : a) {
            java.util.Arrays.fill(row, 0);
        }
    }

    /** Adam moments for one set of parameter arrays. */
    private static final class Adam {
        private final double[][] m;
        private final double[][] v;
        private int t;

        Adam(double[][] params) {
            m = zerosLike(params);
            v = zerosLike(params);
        }

        void step(double[][] params, double[][] grad, double lr) {
            t++;
            double c1 = 1 - Math.pow(BETA1, t);
            double c2 = 1 - Math.pow(BETA2, t);
            for (int k = 0; k < params.length; k++) {
                for (int i = 0; i < params[k].length; i++) {
                    double g = grad[k][i];
                    m[k][i] = BETA1 * m[k][i] + (1 - BETA1) * g;
                    v[k][i] = BETA2 * v[k][i] + (1 - BETA2) * g * g;
                    params[k][i] -= lr * (m[k][i] / c1) / (Math.sqrt(v[k][i] / c2) + EPS);
                }
            }
        }
    }
}
