package io.aestream.trainer.train;

/**
 * How a classifier is trained: the head first on the frozen encoder, then the whole network end to end at a lower
 * rate, each phase with early stopping on the (stratified) validation loss.
 *
 * @param hidden          width of an optional tanh layer between the code and the softmax head; 0 for none
 * @param headEpochs      most epochs of the head phase (encoder frozen); 0 skips it
 * @param fineTuneEpochs  most epochs of end-to-end fine-tuning; 0 keeps the encoder as it came
 * @param learningRate    Adam rate of the head phase
 * @param fineTuneRate    Adam rate of fine-tuning (lower, so the pre-trained features are adjusted, not relearned)
 * @param patience        early stopping: epochs without a validation-loss improvement
 */
public record ClassifierOptions(int hidden, int headEpochs, int fineTuneEpochs, double learningRate, double fineTuneRate,
                                int batchSize, int patience, long seed) {
    public ClassifierOptions {
        if (hidden < 0) {
            throw new IllegalArgumentException("hidden: must be >= 0 (0 = no hidden layer), got " + hidden);
        }
        if (headEpochs < 0 || fineTuneEpochs < 0 || headEpochs + fineTuneEpochs == 0) {
            throw new IllegalArgumentException("epochs: head and fine-tune epochs must be >= 0 and not both 0, got "
                    + headEpochs + " and " + fineTuneEpochs);
        }
        if (!(learningRate > 0) || !(fineTuneRate > 0)) {
            throw new IllegalArgumentException("learning rates: must be > 0, got " + learningRate + " (head) and "
                    + fineTuneRate + " (fine-tune)");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize: must be >= 1, got " + batchSize);
        }
        if (patience < 1) {
            throw new IllegalArgumentException("patience: must be >= 1, got " + patience);
        }
    }

    public static ClassifierOptions defaults(long seed) {
        return new ClassifierOptions(0, 200, 200, 1e-2, 1e-3, 32, 20, seed);
    }

    public ClassifierOptions withSeed(long newSeed) {
        return new ClassifierOptions(hidden, headEpochs, fineTuneEpochs, learningRate, fineTuneRate, batchSize, patience, newSeed);
    }
}
