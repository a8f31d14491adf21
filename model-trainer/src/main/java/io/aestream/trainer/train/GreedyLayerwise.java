package io.aestream.trainer.train;

import io.aestream.scoring.DenseNetwork;
import io.aestream.scoring.ForwardPass;
import io.aestream.trainer.model.AutoencoderSpec;
import io.aestream.trainer.model.AutoencoderWeights;
import io.aestream.trainer.model.NetworkShape;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Greedy layer-wise pretraining (Goodfellow et al. §15.1): a shallow autoencoder with the layer objective is
 * trained on the data, the next on the codes of the first, and so on; the trained pairs are stacked (encoders in
 * order, decoders in reverse) as the starting point of end-to-end fine-tuning. Corruption of a deeper layer acts
 * on its input codes; recorded-noise corruption passes the noisy frames through the encoders below.
 */
final class GreedyLayerwise {
    private final TrainingOptions options;
    private final PhaseTrainer phases;
    private final List<EpochStats> history;

    GreedyLayerwise(TrainingOptions options, PhaseTrainer phases, List<EpochStats> history) {
        this.options = options;
        this.phases = phases;
        this.history = history;
    }

    /** Trains every layer of {@code spec} in turn and returns the stacked weights; appends each phase's history. */
    AutoencoderWeights pretrain(AutoencoderSpec.Stacked spec, Objective objective, TrainingSet data, SplittableRandom rng) {
        AutoencoderWeights stack = null;
        TrainingSet level = data;
        int depth = spec.architecture().encoderSizes().size();
        for (int k = 0; k < depth; k++) {
            NetworkShape shape = NetworkShape.shallowLayer(spec.architecture(), data.features(), k);
            // only the first layer reconstructs the data's columns; deeper ones reconstruct codes
            AutoencoderGraph graph = AutoencoderGraph.build(shape, objective.penalty(),
                    AutoencoderWeights.initial(shape, rng.split()), options.learningRate(), k == 0 ? data.bernoulliLogits() : null);
            PhaseTrainer.Result result = phases.run(EpochStats.pretrainPhase(k + 1), graph, level,
                    Corruptor.of(objective.corruption(), level), spec.pretrainEpochs(), rng.split());
            history.addAll(result.history());
            AutoencoderWeights layer = graph.weights();
            stack = stack == null ? layer : stack.stack(layer);
            if (k < depth - 1) {
                level = encoded(level, layer.encoder(shape));
            }
        }
        return stack;
    }

    /** The next level's training set: the codes of this one. */
    private static TrainingSet encoded(TrainingSet level, DenseNetwork encoder) {
        TrainingSet.NoisySource noisy = level.noisySource();
        return new TrainingSet(encode(encoder, level.train()), encode(encoder, level.validation()),
                noisy == null ? null : (part, rows, rng) -> encode(encoder, noisy.noisy(part, rows, rng)));
    }

    private static double[][] encode(DenseNetwork encoder, double[][] rows) {
        ForwardPass pass = new ForwardPass(encoder);
        double[][] codes = new double[rows.length][encoder.outputSize()];
        for (int i = 0; i < rows.length; i++) {
            pass.reconstruct(rows[i], codes[i]);
        }
        return codes;
    }
}
