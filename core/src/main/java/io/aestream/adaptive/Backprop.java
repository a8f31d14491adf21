package io.aestream.adaptive;

import io.aestream.scoring.Activation;
import io.aestream.scoring.DenseLayer;
import io.aestream.scoring.Distribution;
import io.aestream.scoring.DenseNetwork;
import io.aestream.scoring.FrameLikelihood;

import java.util.List;

/**
 * Loss and its gradient for a {@link DenseNetwork} autoencoder: loss = mean over frames and features of the
 * distribution's NLL of the input under the reconstruction (exactly the anomaly score, averaged). Weights are
 * handled as mutable row-major copies ({@code w[k]}, {@code b[k]} per layer) so training does not rebuild
 * immutable layers each step. Softmax is supported as the output of a categorical network only.
 */
final class Backprop {
    private final Distribution distribution;
    private final FrameLikelihood likelihood;
    private final Activation[] activations;
    private final int[] inputs;
    private final int[] outputs;
    private final double[][] act;
    private final double[][] delta;

    /** {@code likelihood}: per-feature terms (Bernoulli columns read their output as a logit). */
    Backprop(DenseNetwork network, Distribution distribution, FrameLikelihood likelihood) {
        this.distribution = distribution;
        this.likelihood = likelihood;
        List<DenseLayer> layers = network.layers();
        int n = layers.size();
        activations = new Activation[n];
        inputs = new int[n];
        outputs = new int[n];
        act = new double[n + 1][];
        delta = new double[n][];
        act[0] = new double[network.inputSize()];
        for (int k = 0; k < n; k++) {
            DenseLayer l = layers.get(k);
            activations[k] = l.activation();
            inputs[k] = l.inputs();
            outputs[k] = l.outputs();
            act[k + 1] = new double[l.outputs()];
            delta[k] = new double[l.outputs()];
            boolean last = k == n - 1;
            if (l.activation() == Activation.SOFTMAX && !(last && distribution == Distribution.CATEGORICAL)) {
                throw new IllegalArgumentException("fine-tuning: softmax is supported only as the output of a categorical"
                        + " network, found it in layer " + k + " of a " + distribution + " network");
            }
        }
    }

    static double[][] weightsOf(DenseNetwork network) {
        return network.layers().stream().map(DenseLayer::weights).toArray(double[][]::new);
    }

    static double[][] biasesOf(DenseNetwork network) {
        return network.layers().stream().map(DenseLayer::bias).toArray(double[][]::new);
    }

    static DenseNetwork rebuild(DenseNetwork template, double[][] w, double[][] b) {
        List<DenseLayer> old = template.layers();
        List<DenseLayer> layers = new java.util.ArrayList<>(old.size());
        for (int k = 0; k < old.size(); k++) {
            layers.add(new DenseLayer(old.get(k).inputs(), old.get(k).outputs(), w[k], b[k], old.get(k).activation()));
        }
        return new DenseNetwork(layers, template.codeLayer());
    }

    /** Mean loss of {@code frames[from..to)}, accumulating its gradient into {@code gw}, {@code gb} when non-null. */
    double lossAndGradient(double[][] w, double[][] b, double[][] frames, int[] order, int from, int to,
                           double[][] gw, double[][] gb) {
        double loss = 0;
        int count = to - from;
        for (int r = from; r < to; r++) {
            double[] x = frames[order == null ? r : order[r]];
            loss += forward(w, b, x);
            if (gw != null) {
                backward(w, x, gw, gb, 1.0 / count);
            }
        }
        return loss / count;
    }

    private double forward(double[][] w, double[][] b, double[] x) {
        System.arraycopy(x, 0, act[0], 0, x.length);
        for (int k = 0; k < w.length; k++) {
            double[] in = act[k];
            double[] out = act[k + 1];
            for (int o = 0; o < outputs[k]; o++) {
                double acc = b[k][o];
                int base = o * inputs[k];
                for (int i = 0; i < inputs[k]; i++) {
                    acc += w[k][base + i] * in[i];
                }
                out[o] = acc;
            }
            activations[k].applyInPlace(out, outputs[k]);
        }
        double[] p = act[w.length];
        double sum = 0;
        for (int j = 0; j < p.length; j++) {
            sum += likelihood.trainingLoss(j, x[j], p[j]);
        }
        return sum / p.length;
    }

    private void backward(double[][] w, double[] x, double[][] gw, double[][] gb, double scale) {
        int last = w.length - 1;
        outputDelta(x, act[last + 1], delta[last], scale / x.length);
        for (int k = last; k >= 0; k--) {
            double[] in = act[k];
            for (int o = 0; o < outputs[k]; o++) {
                double d = delta[k][o];
                gb[k][o] += d;
                int base = o * inputs[k];
                for (int i = 0; i < inputs[k]; i++) {
                    gw[k][base + i] += d * in[i];
                }
            }
            if (k > 0) {
                double[] prev = delta[k - 1];
                java.util.Arrays.fill(prev, 0);
                for (int o = 0; o < outputs[k]; o++) {
                    int base = o * inputs[k];
                    for (int i = 0; i < inputs[k]; i++) {
                        prev[i] += w[k][base + i] * delta[k][o];
                    }
                }
                for (int i = 0; i < prev.length; i++) {
                    prev[i] *= derivative(activations[k - 1], in[i]);
                }
            }
        }
    }

    /** dLoss/dz of the output pre-activation, times {@code scale}. */
    private void outputDelta(double[] x, double[] p, double[] out, double scale) {
        Activation a = activations[activations.length - 1];
        if (a == Activation.SOFTMAX) {
            double mass = 0;
            for (double v : x) {
                mass += v;
            }
            for (int j = 0; j < p.length; j++) {
                out[j] = scale * (p[j] * mass - x[j]);
            }
            return;
        }
        for (int j = 0; j < p.length; j++) {
            if (likelihood.squashed(j)) {
                out[j] = scale * likelihood.squashedGradient(j, x[j], p[j]);
                continue;
            }
            double dp = switch (distribution) {
                case GAUSSIAN -> 2 * (p[j] - x[j]);
                case BERNOULLI -> {
                    double q = Math.min(Math.max(p[j], 1e-7), 1 - 1e-7);
                    yield (q - x[j]) / (q * (1 - q));
                }
                case CATEGORICAL -> -x[j] / Math.max(p[j], 1e-7);
            };
            out[j] = scale * dp * derivative(a, p[j]);
        }
    }

    /** f'(z) written in terms of y = f(z), which is what the forward pass kept. */
    private static double derivative(Activation a, double y) {
        return switch (a) {
            case IDENTITY -> 1;
            case SIGMOID -> y * (1 - y);
            case TANH -> 1 - y * y;
            case RELU -> y > 0 ? 1 : 0;
            case SOFTMAX -> throw new IllegalStateException("softmax has no element-wise derivative");
        };
    }
}
