package io.aestream.trainer.train;

/**
 * Normalized frames for training and validation (validation rows come after training rows in time; never
 * shuffled across the split).
 *
 * @param train           rows × features
 * @param validation      rows × features, may be empty
 * @param noisySource     corrupted versions of training rows for {@code Corruption.Recordings}; null otherwise
 * @param bernoulliLogits per feature, whether it is a 0/1 column under a Gaussian model: its output is a logit
 *                        trained with cross-entropy; null when there is none
 */
public record TrainingSet(double[][] train, double[][] validation, NoisySource noisySource, boolean[] bernoulliLogits) {

    public TrainingSet(double[][] train, double[][] validation, NoisySource noisySource) {
        this(train, validation, noisySource, null);
    }

    public TrainingSet {
        if (train == null || train.length == 0) {
            throw new IllegalArgumentException("training set: no training frames");
        }
        int width = train[0].length;
        for (double[][] part : new double[][][] {train, validation == null ? new double[0][] : validation}) {
            for (int i = 0; i < part.length; i++) {
                if (part[i].length != width) {
                    throw new IllegalArgumentException("training set: row " + i + " has " + part[i].length
                            + " features, expected " + width);
                }
            }
        }
        validation = validation == null ? new double[0][] : validation;
        if (bernoulliLogits != null && bernoulliLogits.length != width) {
            throw new IllegalArgumentException("training set: " + bernoulliLogits.length + " Bernoulli flags for " + width
                    + " features");
        }
        if (bernoulliLogits != null) {
            boolean any = false;
            for (boolean b : bernoulliLogits) {
                any |= b;
            }
            bernoulliLogits = any ? bernoulliLogits.clone() : null;
        }
    }

    public int features() {
        return train[0].length;
    }

    /** Which part of the set row indices refer to. */
    public enum Part { TRAIN, VALIDATION }

    /** Supplies corrupted inputs x̃ for training or validation rows when the corruption is done on the raw signal. */
    @FunctionalInterface
    public interface NoisySource {
        /** A fresh corrupted version (normalized features) of each row in {@code rows} of {@code part}. */
        double[][] noisy(Part part, int[] rows, java.util.SplittableRandom rng);
    }
}
