package io.aestream.trainer.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Trains one graph for one phase with early stopping: after every epoch the monitored loss (validation
 * reconstruction, or the training objective when there is no validation data) must improve by at least
 * {@code minDelta} within {@code patience} epochs. Leaves the graph holding the best epoch's weights.
 *
 * <p>Validation reconstruction is measured the way the model is trained: a denoising model reconstructs
 * corrupted validation inputs and is compared with the clean rows. The corrupted inputs are drawn once per phase
 * from the seed, so the losses of different epochs are measured on the same inputs and stay comparable.
 */
final class PhaseTrainer {
    /** Rows per evaluation call: bounds the memory of a deep contractive Jacobian ([rows, code, inputs]). */
    private static final int EVAL_CHUNK = 512;

    private final TrainingOptions options;
    private final TrainingListener listener;

    PhaseTrainer(TrainingOptions options, TrainingListener listener) {
        this.options = options;
        this.listener = listener;
    }

    record Result(List<EpochStats> history, int bestEpoch) {
    }

    Result run(String phase, AutoencoderGraph graph, TrainingSet data, Corruptor corruptor, int maxEpochs,
               SplittableRandom rng) {
        List<EpochStats> history = new ArrayList<>();
        EarlyStopping stopping = new EarlyStopping(phase, options.patience(), options.minDelta(),
                "lower the learning rate or check the normalization", graph.snapshot());
        double[][] validationInput = corruptor.corrupt(data.validation(), TrainingSet.Part.VALIDATION,
                IntStream.range(0, data.validation().length).toArray(), new SplittableRandom(options.seed()));
        for (int epoch = 0; epoch <= maxEpochs; epoch++) {
            if (epoch > 0) {
                graph.fitEpoch(new ShuffledBatches(data.train(), options.batchSize(), corruptor, rng));
            }
            EpochStats stats = evaluate(phase, epoch, graph, data, validationInput, corruptor, rng);
            history.add(stats);
            listener.onEpoch(phase, stats, maxEpochs);
            double monitored = data.validation().length > 0 ? stats.validationLoss() : stats.trainLoss();
            if (!stopping.keepGoing(epoch, monitored, graph::snapshot)) {
                break;
            }
        }
        graph.restore(stopping.bestWeights());
        return new Result(history, stopping.bestEpoch());
    }

    private EpochStats evaluate(String phase, int epoch, AutoencoderGraph graph, TrainingSet data, double[][] validationInput,
                                Corruptor corruptor, SplittableRandom rng) {
        double[][] train = data.train();
        double objective = 0;
        for (int from = 0; from < train.length; from += EVAL_CHUNK) {
            int to = Math.min(from + EVAL_CHUNK, train.length);
            double[][] clean = Arrays.copyOfRange(train, from, to);
            int[] rows = IntStream.range(from, to).toArray();
            double[][] input = corruptor.corrupt(clean, TrainingSet.Part.TRAIN, rows, rng);
            objective += graph.scalar(NativeAutoencoder.LOSS, input, clean) * (to - from);
        }
        return new EpochStats(epoch, objective / train.length, reconstruction(graph, validationInput, data.validation()), phase);
    }

    private static double reconstruction(AutoencoderGraph graph, double[][] inputs, double[][] targets) {
        if (targets.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int from = 0; from < targets.length; from += EVAL_CHUNK) {
            int to = Math.min(from + EVAL_CHUNK, targets.length);
            sum += graph.scalar(NativeAutoencoder.RECONSTRUCTION, Arrays.copyOfRange(inputs, from, to),
                    Arrays.copyOfRange(targets, from, to)) * (to - from);
        }
        return sum / targets.length;
    }
}
