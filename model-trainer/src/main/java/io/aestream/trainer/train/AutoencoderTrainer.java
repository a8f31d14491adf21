package io.aestream.trainer.train;

import io.aestream.trainer.model.AutoencoderSpec;
import io.aestream.trainer.model.AutoencoderWeights;
import io.aestream.trainer.model.NetworkShape;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Trains any {@link AutoencoderSpec} on normalized frames: {@link TrainingSet} → {@link TrainedModel} (the best
 * validation epoch's weights as a {@link io.aestream.scoring.DenseNetwork} plus the native SameDiff graph).
 *
 * <p>All kinds share one SameDiff graph ({@link AutoencoderGraph}) that differs only in its penalty and in the
 * corruption of its training inputs; a stacked autoencoder is pretrained greedily ({@link GreedyLayerwise}) and
 * then fine-tuned end to end with the same layer objective. Reproducible: the same seed gives identical weights
 * (weights are initialised and batches shuffled and corrupted from one {@link SplittableRandom}; ND4J runs
 * single-threaded during training).
 */
public final class AutoencoderTrainer {

    public TrainedModel fit(AutoencoderSpec spec, TrainingSet data, TrainingOptions options, TrainingListener listener) {
        return SingleThreaded.call(() -> train(spec, data, options, listener));
    }

    private TrainedModel train(AutoencoderSpec spec, TrainingSet data, TrainingOptions options, TrainingListener listener) {
        Nd4j.getRandom().setSeed(options.seed());
        SplittableRandom rng = new SplittableRandom(options.seed());
        Objective objective = Objective.of(spec);
        NetworkShape shape = NetworkShape.of(spec.architecture(), data.features());
        PhaseTrainer phases = new PhaseTrainer(options, listener);
        List<EpochStats> history = new ArrayList<>();

        AutoencoderWeights start;
        String phase;
        if (spec instanceof AutoencoderSpec.Stacked stacked) {
            start = new GreedyLayerwise(options, phases, history).pretrain(stacked, objective, data, rng);
            phase = EpochStats.FINETUNE;
        } else {
            start = AutoencoderWeights.initial(shape, rng.split());
            phase = EpochStats.TRAIN;
        }
        AutoencoderGraph graph = AutoencoderGraph.build(shape, objective.penalty(), start, options.learningRate(),
                data.bernoulliLogits());
        PhaseTrainer.Result result = phases.run(phase, graph, data, Corruptor.of(objective.corruption(), data),
                options.epochs(), rng.split());
        history.addAll(result.history());
        return new TrainedModel(graph.weights().toNetwork(shape), Map.of(NativeAutoencoder.FILE_NAME, graph.toBytes()),
                history, result.bestEpoch());
    }
}
