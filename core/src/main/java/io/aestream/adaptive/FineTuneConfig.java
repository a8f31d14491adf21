package io.aestream.adaptive;

/**
 * Hyper-parameters of one fine-tuning run (mini-batch Adam on the distribution's NLL).
 *
 * @param epochs       passes over the frames
 * @param learningRate Adam step size
 * @param batchSize    frames per gradient step
 * @param seed         fixes the shuffling, hence the result
 */
public record FineTuneConfig(int epochs, double learningRate, int batchSize, long seed) {

    public FineTuneConfig {
        Validate.atLeast("fineTune.epochs", epochs, 1);
        Validate.openRange("fineTune.learningRate", learningRate, 0, 1);
        Validate.atLeast("fineTune.batchSize", batchSize, 1);
    }

    public static FineTuneConfig defaults() {
        return new FineTuneConfig(5, 1e-3, 32, 42L);
    }

    FineTuneConfig withSeed(long newSeed) {
        return new FineTuneConfig(epochs, learningRate, batchSize, newSeed);
    }
}
