package io.aestream.scoring;

import java.util.Map;
import java.util.Objects;

/**
 * The anomaly threshold on the score and how it was chosen, e.g. {@code quantile} with {@code q=0.995},
 * {@code mean_k_sigma} with {@code k=3}, or {@code best_f1} on labelled validation rows.
 */
public record Threshold(double value, String method, Map<String, Double> parameters) {
    public Threshold {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("threshold value: must be finite, got " + value);
        }
        Objects.requireNonNull(method, "threshold method");
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    public boolean exceededBy(double score) {
        return score > value;
    }
}
