package io.aestream.scoring;

import java.util.List;
import java.util.Objects;

/**
 * The trained autoencoder as plain arrays: encoder layers up to and including {@code codeLayer}, decoder after.
 * Immutable; run it with a {@link ForwardPass} (one per thread).
 *
 * @param layers    the dense layers in order; each layer's inputs equal the previous layer's outputs
 * @param codeLayer index of the layer whose output is the code h = f(x)
 */
public record DenseNetwork(List<DenseLayer> layers, int codeLayer) {

    public DenseNetwork {
        Objects.requireNonNull(layers, "network layers");
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("network layers: at least one layer is required");
        }
        if (codeLayer < 0 || codeLayer >= layers.size()) {
            throw new IllegalArgumentException("network codeLayer: must be in [0, " + layers.size() + "), got " + codeLayer);
        }
        for (int k = 1; k < layers.size(); k++) {
            int prev = layers.get(k - 1).outputs();
            int in = layers.get(k).inputs();
            if (prev != in) {
                throw new IllegalArgumentException("network layer " + k + ": expected " + prev + " inputs (outputs of layer "
                        + (k - 1) + "), found " + in);
            }
        }
    }

    public int inputSize() {
        return layers.get(0).inputs();
    }

    public int outputSize() {
        return layers.get(layers.size() - 1).outputs();
    }

    public int codeSize() {
        return layers.get(codeLayer).outputs();
    }

    int widestLayer() {
        int w = inputSize();
        for (DenseLayer l : layers) {
            w = Math.max(w, l.outputs());
        }
        return w;
    }
}
