package io.aestream.testing;

import io.aestream.scoring.Activation;
import io.aestream.scoring.DenseLayer;
import io.aestream.scoring.DenseNetwork;

import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/** Small hand-made networks for tests. */
public final class Networks {
    private Networks() {
    }

    /** x → x exactly: one identity layer. */
    public static DenseNetwork identity(int n) {
        double[] w = new double[n * n];
        for (int i = 0; i < n; i++) {
            w[i * n + i] = 1;
        }
        return new DenseNetwork(List.of(new DenseLayer(n, n, w, new double[n], Activation.IDENTITY)), 0);
    }

    /** A random n → hidden → code → hidden → n autoencoder. */
    public static DenseNetwork random(int n, int hidden, int code, Activation act, Activation out, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        return new DenseNetwork(List.of(
                layer(n, hidden, act, rng), layer(hidden, code, act, rng),
                layer(code, hidden, act, rng), layer(hidden, n, out, rng)), 1);
    }

    /** A random gain-mask network in → hidden (ReLU) → out (sigmoid). */
    public static DenseNetwork mask(int in, int hidden, int out, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        return new DenseNetwork(List.of(layer(in, hidden, Activation.RELU, rng), layer(hidden, out, Activation.SIGMOID, rng)), 0);
    }

    /** An {@code in → out} layer: weights N(0, 1/in) drawn first, row by row, then biases N(0, 0.01). */
    public static DenseLayer layer(int in, int out, Activation act, RandomGenerator rng) {
        double[] w = new double[in * out];
        double[] b = new double[out];
        for (int i = 0; i < w.length; i++) {
            w[i] = rng.nextGaussian() / Math.sqrt(in);
        }
        for (int i = 0; i < out; i++) {
            b[i] = 0.1 * rng.nextGaussian();
        }
        return new DenseLayer(in, out, w, b, act);
    }
}
