package io.aestream.trainer.train;

/**
 * Optimisation settings. Training is reproducible for a given seed.
 *
 * @param patience early stopping: epochs without a validation-loss improvement of at least {@code minDelta}
 */
public record TrainingOptions(int epochs, int batchSize, double learningRate, int patience, double minDelta, long seed) {
    public TrainingOptions {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs: must be >= 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize: must be >= 1, got " + batchSize);
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learningRate: must be > 0, got " + learningRate);
        }
        if (patience < 1) {
            throw new IllegalArgumentException("patience: must be >= 1, got " + patience);
        }
        if (!(minDelta >= 0)) {
            throw new IllegalArgumentException("minDelta: must be >= 0, got " + minDelta);
        }
    }

    public static TrainingOptions defaults(long seed) {
        return new TrainingOptions(500, 64, 1e-3, 10, 1e-5, seed);
    }
}
