package io.aestream.trainer.cli;

import io.aestream.trainer.train.ClassifierOptions;
import picocli.CommandLine.Option;

/**
 * The classifier head's options (its shape, the two phases' epochs and rates), shared by {@code train --kind
 * classifier} and the SKAB fault-type runner so both accept and default them alike.
 */
public final class ClassifierHeadOptions {
    private static final ClassifierOptions DEFAULTS = ClassifierOptions.defaults(0);

    @Option(names = "--head-hidden", description = "classifier: width of a tanh layer between the code and the softmax head"
            + " (default none)")
    int hidden = DEFAULTS.hidden();
    @Option(names = "--head-epochs", description = "classifier: most epochs training the head on the frozen encoder (default 200)")
    int headEpochs = DEFAULTS.headEpochs();
    @Option(names = "--fine-tune-epochs", description = "classifier: most epochs fine-tuning end to end (default 200; 0: none)")
    int fineTuneEpochs = DEFAULTS.fineTuneEpochs();
    @Option(names = "--head-rate", description = "classifier: Adam rate of the head phase (default 0.01)")
    double headRate = DEFAULTS.learningRate();
    @Option(names = "--fine-tune-rate", description = "classifier: Adam rate of fine-tuning (default 0.001)")
    double fineTuneRate = DEFAULTS.fineTuneRate();

    /** The options given, with the optimiser's batch size, patience and seed; validated by {@link ClassifierOptions}. */
    public ClassifierOptions options(int batchSize, int patience, long seed) {
        return new ClassifierOptions(hidden, headEpochs, fineTuneEpochs, headRate, fineTuneRate, batchSize, patience, seed);
    }
}
