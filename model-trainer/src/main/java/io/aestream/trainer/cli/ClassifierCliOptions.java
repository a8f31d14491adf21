package io.aestream.trainer.cli;

import io.aestream.trainer.train.ClassifierOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The options of {@code train --kind classifier}; the optimiser's batch size, rate, patience and seed are shared with {@code train}. */
public final class ClassifierCliOptions {
    @Option(names = "--pretrained", description = "classifier: the anomaly-model bundle whose encoder, normalizer and framing"
            + " it starts from; without it the same network trains from random initialization")
    Path pretrained;
    @Mixin
    ClassifierHeadOptions head = new ClassifierHeadOptions();

    ClassifierOptions options(ModelOptions model) {
        return head.options(model.batchSize, model.patience, model.seed);
    }
}
