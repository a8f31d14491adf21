package io.aestream.scoring;

import java.util.List;

/**
 * The anomaly type a classifier names for a frame (or an event), with the probability it gives it.
 *
 * @param label         the most probable class
 * @param probability   its probability in [0, 1]
 * @param probabilities every class's probability, in the classifier's class order
 */
public record Classification(String label, double probability, double[] probabilities) {

    /** The most probable of {@code classes} under {@code probabilities} (same order); ties go to the first. */
    public static Classification of(List<String> classes, double[] probabilities) {
        if (probabilities.length != classes.size()) {
            throw new IllegalArgumentException("probabilities: expected one per class (" + classes.size() + "), found "
                    + probabilities.length);
        }
        int best = 0;
        for (int i = 1; i < probabilities.length; i++) {
            if (probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        return new Classification(classes.get(best), probabilities[best], probabilities.clone());
    }
}
