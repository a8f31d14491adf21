package io.aestream.bundle;

import io.aestream.scoring.Distribution;

import java.util.Map;
import java.util.Objects;

/**
 * What model a bundle holds.
 *
 * @param kind            undercomplete, sparse, denoising, contractive or stacked
 * @param distribution    the decoder's output distribution (fixes loss and score)
 * @param tiedWeights     whether the decoder used W' = Wᵀ in training
 * @param hyperParameters the trainer spec's parameters as written by the trainer (sizes, λ, corruption, …)
 */
public record ModelInfo(String kind, Distribution distribution, boolean tiedWeights, Map<String, Object> hyperParameters) {
    public ModelInfo {
        Objects.requireNonNull(kind, "model kind");
        Objects.requireNonNull(distribution, "model distribution");
        hyperParameters = hyperParameters == null ? Map.of() : Map.copyOf(hyperParameters);
    }
}
