package io.aestream.trainer.model;

import io.aestream.scoring.Activation;
import io.aestream.scoring.Distribution;

import java.util.List;

/**
 * The shape shared by every autoencoder kind: encoder layer sizes (the last is the code size), their activation,
 * a mirrored decoder whose output layer follows the data's distribution, and optionally tied weights (W' = Wᵀ).
 */
public record Architecture(List<Integer> encoderSizes, Activation activation, Distribution distribution, boolean tiedWeights) {
    public Architecture {
        if (encoderSizes == null || encoderSizes.isEmpty()) {
            throw new IllegalArgumentException("encoderSizes: at least one layer (the code) is required");
        }
        encoderSizes = List.copyOf(encoderSizes);
        for (int s : encoderSizes) {
            if (s < 1) {
                throw new IllegalArgumentException("encoderSizes: every size must be >= 1, got " + encoderSizes);
            }
        }
        if (activation == null || activation == Activation.SOFTMAX) {
            throw new IllegalArgumentException("activation: must be identity, sigmoid, tanh or relu, got " + activation);
        }
        if (distribution == null) {
            throw new IllegalArgumentException("distribution: required");
        }
    }

    public int codeSize() {
        return encoderSizes.get(encoderSizes.size() - 1);
    }
}
