package io.aestream.trainer.cli;

import io.aestream.trainer.train.ClassifierOptions;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The options of {@code train --kind classifier}; the optimiser's batch size, rate, patience and seed are shared with {@code train}. */
public final class ClassifierCliOptions {
    private static final ClassifierOptions DEFAULTS = ClassifierOptions.defaults(0);

    @Option(names = "--pretrained", description = "classifier: the anomaly-model bundle whose encoder, normalizer and framing"
            + " it starts from; without it the same network trains from random initialization")
    Path pretrained;
    @Option(names = "--head-hidden", description = "classifier: width of a tanh layer between the code and the softmax head"
            + " (default none)")
    int hidden = DEFAULTS.hidden();
    @Option(names = "--head-epochs", description = "classifier: most epochs training the head on the frozen encoder (default 200)")
    int headEpochs = DEFAULTS.headEpochs();
    @Option(names = "--fine-tune-epochs", description = "classifier: most epochs fine-tuning end to end (default 200)")
    int fineTuneEpochs = DEFAULTS.fineTuneEpochs();
    @Option(names = "--head-rate", description = "classifier: Adam rate of the head phase (default 0.01)")
    double headRate = DEFAULTS.learningRate();
    @Option(names = "--fine-tune-rate", description = "classifier: Adam rate of fine-tuning (default 0.001)")
    double fineTuneRate = DEFAULTS.fineTuneRate();

    ClassifierOptions options(ModelOptions model) {
        return new ClassifierOptions(hidden, headEpochs, fineTuneEpochs, headRate, fineTuneRate, model.batchSize, model.patience,
                model.seed);
    }
}
