package io.aestream.trainer.model;

import io.aestream.scoring.DenseLayer;
import io.aestream.scoring.DenseNetwork;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The parameters of an autoencoder as plain arrays, one {@link LayerPair} per encoder layer together with the
 * decoder layer that mirrors it. Used to initialise a training graph, to stack greedily trained layers, and to
 * export the {@link DenseNetwork} that scoring runs.
 */
public record AutoencoderWeights(List<LayerPair> layers) {

    /**
     * Encoder layer {@code k} ({@code h = f(x W + b)}, W input-major {@code [in][out]} as in DL4J) and the decoder
     * layer that maps its output back ({@code x' = g(h W' + c)}, W' {@code [out][in]}; null when tied, W' = Wᵀ).
     */
    public record LayerPair(double[][] encoderWeights, double[] encoderBias, double[][] decoderWeights, double[] decoderBias) {
        public LayerPair {
            int in = encoderWeights.length;
            int out = encoderWeights[0].length;
            if (encoderBias.length != out || decoderBias.length != in) {
                throw new IllegalArgumentException("layer pair: biases must have " + out + " (encoder) and " + in
                        + " (decoder) values, got " + encoderBias.length + " and " + decoderBias.length);
            }
            if (decoderWeights != null && (decoderWeights.length != out || decoderWeights[0].length != in)) {
                throw new IllegalArgumentException("layer pair: decoder weights must be " + out + "x" + in);
            }
        }

        public boolean tied() {
            return decoderWeights == null;
        }

        /** W' as {@code [out][in]}: the transpose of the encoder weights when tied. */
        public double[][] effectiveDecoderWeights() {
            return tied() ? transpose(encoderWeights) : decoderWeights;
        }
    }

    public AutoencoderWeights {
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("layers: at least one layer pair is required");
        }
    }

    /** Glorot-uniform weights, zero biases; deterministic for {@code rng}'s seed. */
    public static AutoencoderWeights initial(NetworkShape shape, SplittableRandom rng) {
        List<LayerPair> pairs = new ArrayList<>();
        for (int k = 0; k < shape.depth(); k++) {
            int in = shape.encoderInputs(k);
            int out = shape.sizes().get(k);
            double[][] decoder = shape.tiedWeights() ? null : glorot(out, in, rng);
            pairs.add(new LayerPair(glorot(in, out, rng), new double[out], decoder, new double[in]));
        }
        return new AutoencoderWeights(pairs);
    }

    /** This stack with {@code deeper}'s layers added below its code (encoders appended, decoders prepended). */
    public AutoencoderWeights stack(AutoencoderWeights deeper) {
        List<LayerPair> all = new ArrayList<>(layers);
        all.addAll(deeper.layers);
        return new AutoencoderWeights(all);
    }

    /** The full encoder + mirrored decoder; the code layer is the last encoder layer. */
    public DenseNetwork toNetwork(NetworkShape shape) {
        if (shape.depth() != layers.size()) {
            throw new IllegalArgumentException("shape: expected " + layers.size() + " layers, got " + shape.depth());
        }
        List<DenseLayer> dense = new ArrayList<>();
        for (LayerPair p : layers) {
            dense.add(DenseLayer.fromInputMajor(p.encoderWeights(), p.encoderBias(), shape.hidden()));
        }
        for (int k = layers.size() - 1; k >= 0; k--) {
            LayerPair p = layers.get(k);
            dense.add(DenseLayer.fromInputMajor(p.effectiveDecoderWeights(), p.decoderBias(),
                    k == 0 ? shape.output() : shape.hidden()));
        }
        return new DenseNetwork(dense, layers.size() - 1);
    }

    /** Only the encoder layers (the network's output is the code). */
    public DenseNetwork encoder(NetworkShape shape) {
        DenseNetwork full = toNetwork(shape);
        return new DenseNetwork(full.layers().subList(0, layers.size()), layers.size() - 1);
    }

    /** Glorot-uniform {@code [in][out]} weights (also the start of a classifier's head). */
    public static double[][] glorot(int in, int out, SplittableRandom rng) {
        double limit = Math.sqrt(6.0 / (in + out));
        double[][] w = new double[in][out];
        for (double[] row : w) {
            for (int o = 0; o < out; o++) {
                row[o] = rng.nextDouble(-limit, limit);
            }
        }
        return w;
    }

    private static double[][] transpose(double[][] m) {
        double[][] t = new double[m[0].length][m.length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[0].length; j++) {
                t[j][i] = m[i][j];
            }
        }
        return t;
    }
}
