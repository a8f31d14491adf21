package io.aestream.trainer.model;

import io.aestream.scoring.Activation;
import io.aestream.scoring.Distribution;

import java.util.List;

/**
 * The concrete layer sizes of one autoencoder: {@code inputs → sizes[0] → … → sizes[L-1] (code) → … → inputs}.
 * Hidden layers (encoder and decoder) use {@code hidden}; the output layer uses {@code output}, and the
 * reconstruction loss is the negative log-likelihood of {@code loss}.
 *
 * <p>Usually derived from an {@link Architecture} with {@link #of}; greedy layer-wise training also needs
 * shallow autoencoders that reconstruct the previous layer's codes ({@link #shallowLayer}).
 */
public record NetworkShape(int inputs, List<Integer> sizes, Activation hidden, Activation output, Distribution loss,
                           boolean tiedWeights) {

    public NetworkShape {
        if (inputs < 1) {
            throw new IllegalArgumentException("inputs: must be >= 1, got " + inputs);
        }
        sizes = List.copyOf(sizes);
        if (sizes.isEmpty() || sizes.stream().anyMatch(s -> s < 1)) {
            throw new IllegalArgumentException("sizes: at least one layer, every size >= 1, got " + sizes);
        }
        if (hidden == null || hidden == Activation.SOFTMAX) {
            throw new IllegalArgumentException("hidden: must be identity, sigmoid, tanh or relu, got " + hidden);
        }
        if (loss == null) {
            throw new IllegalArgumentException("loss: required");
        }
        // Cross-entropies are computed from logits, which is only the same objective for their own output unit.
        if (loss != Distribution.GAUSSIAN && output != loss.outputActivation()) {
            throw new IllegalArgumentException("output: " + loss + " needs " + loss.outputActivation() + ", got " + output);
        }
    }

    /** The full autoencoder of {@code architecture} on {@code inputs} features. */
    public static NetworkShape of(Architecture architecture, int inputs) {
        Distribution d = architecture.distribution();
        return new NetworkShape(inputs, architecture.encoderSizes(), architecture.activation(), d.outputActivation(), d,
                architecture.tiedWeights());
    }

    /**
     * Layer {@code layer} of a stack as a shallow autoencoder. The first reconstructs the data (its distribution);
     * deeper ones reconstruct codes, which live in the range of the hidden activation, so their output unit is that
     * activation under squared error — and stacking them gives exactly the decoder of {@link #of}.
     */
    public static NetworkShape shallowLayer(Architecture architecture, int inputs, int layer) {
        List<Integer> sizes = architecture.encoderSizes();
        int in = layer == 0 ? inputs : sizes.get(layer - 1);
        List<Integer> code = List.of(sizes.get(layer));
        if (layer == 0) {
            Distribution d = architecture.distribution();
            return new NetworkShape(in, code, architecture.activation(), d.outputActivation(), d, architecture.tiedWeights());
        }
        return new NetworkShape(in, code, architecture.activation(), architecture.activation(), Distribution.GAUSSIAN,
                architecture.tiedWeights());
    }

    /** Number of encoder layers (= decoder layers). */
    public int depth() {
        return sizes.size();
    }

    /** Width of encoder layer {@code k}'s input: the data for k = 0, else the previous layer's output. */
    public int encoderInputs(int k) {
        return k == 0 ? inputs : sizes.get(k - 1);
    }
}
