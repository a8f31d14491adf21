package io.aestream.trainer.train;

import io.aestream.scoring.Activation;
import io.aestream.scoring.Distribution;
import io.aestream.scoring.ForwardPass;
import io.aestream.trainer.model.Architecture;
import io.aestream.trainer.model.AutoencoderSpec;
import io.aestream.trainer.model.Corruption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

class DenoisingAutoencoderTest {

    static Stream<Arguments> corruptions() {
        return Stream.of(Arguments.of(new Corruption.Gaussian(0.5)), Arguments.of(new Corruption.Masking(0.3)),
                Arguments.of(new Corruption.SaltAndPepper(0.2)));
    }

    @ParameterizedTest
    @MethodSource("corruptions")
    void shouldRemoveMoreThanHalfTheCorruptionWhenTrainedToDenoise(Corruption corruption) {
        // Given data on a 3-dimensional subspace of R^10 and a DAE trained with the corruption
        double[][] x = SyntheticData.lowRank(1500, 10, 3, 0.02, 5);
        double[][] train = SyntheticData.head(x, 1200);
        double[][] heldOut = SyntheticData.tail(x, 1200);
        var spec = new AutoencoderSpec.Denoising(
                new Architecture(List.of(16), Activation.TANH, Distribution.GAUSSIAN, false), corruption);
        TrainingSet data = new TrainingSet(train, new double[0][], null);
        TrainedModel model = new AutoencoderTrainer().fit(spec, data,
                new TrainingOptions(25, 32, 1e-2, 5, 0, 6), TrainingListener.NONE);

        // When held-out frames are corrupted the same way and reconstructed
        int[] rows = IntStream.range(0, heldOut.length).toArray();
        double[][] noisy = Corruptor.of(corruption, data).corrupt(heldOut, TrainingSet.Part.TRAIN, rows, new SplittableRandom(99));
        ForwardPass pass = new ForwardPass(model.network());
        double[][] restored = new double[noisy.length][10];
        for (int i = 0; i < noisy.length; i++) {
            pass.reconstruct(noisy[i], restored[i]);
        }

        // Then the output is closer to the clean frames than half the corrupted input's error
        double corruptedError = LinearAlgebra.meanSquaredError(noisy, heldOut);
        assertThat(LinearAlgebra.meanSquaredError(restored, heldOut)).isLessThan(corruptedError / 2);
    }

    @Test
    void shouldMeasureValidationLossOnCorruptedValidationInputsAgainstCleanRowsWhenDenoising() {
        // Given a DAE with a validation set
        double[][] x = SyntheticData.lowRank(600, 10, 3, 0.02, 5);
        double[][] validation = SyntheticData.tail(x, 500);
        Corruption corruption = new Corruption.Gaussian(0.5);
        var spec = new AutoencoderSpec.Denoising(new Architecture(List.of(16), Activation.TANH, Distribution.GAUSSIAN, false), corruption);
        TrainingSet data = new TrainingSet(SyntheticData.head(x, 500), validation, null);
        TrainingOptions options = new TrainingOptions(8, 32, 1e-2, 8, 0, 6);

        // When it is trained
        TrainedModel model = new AutoencoderTrainer().fit(spec, data, options, TrainingListener.NONE);

        // Then the best epoch's validation loss is the error of reconstructing the validation rows corrupted once
        // from the seed, measured against the clean rows — not the (lower) error of reconstructing clean rows
        double[][] noisy = Corruptor.of(corruption, data).corrupt(validation, TrainingSet.Part.VALIDATION,
                IntStream.range(0, validation.length).toArray(), new SplittableRandom(options.seed()));
        double reported = model.history().stream().filter(e -> e.epoch() == model.bestEpoch()).findFirst().orElseThrow()
                .validationLoss();
        assertThat(reported).isCloseTo(LinearAlgebra.meanSquaredError(reconstruct(model, noisy), validation), withinPercentage(0.1));
        assertThat(reported).isGreaterThan(LinearAlgebra.meanSquaredError(reconstruct(model, validation), validation));
    }

    @Test
    void shouldAskTheNoisySourceForEveryValidationRowOnceWhenCorruptionIsRecordings() {
        // Given a recording-style source that adds noise to whichever part it is asked for
        double[][] x = SyntheticData.lowRank(300, 10, 3, 0.02, 5);
        double[][] train = SyntheticData.head(x, 240);
        double[][] validation = SyntheticData.tail(x, 240);
        List<TrainingSet.Part> asked = new java.util.ArrayList<>();
        TrainingSet.NoisySource source = (part, rows, rng) -> {
            asked.add(part);
            double[][] clean = part == TrainingSet.Part.TRAIN ? train : validation;
            return IntStream.of(rows).mapToObj(r -> IntStream.range(0, 10).mapToDouble(j -> clean[r][j] + 0.5 * rng.nextGaussian())
                    .toArray()).toArray(double[][]::new);
        };
        var spec = new AutoencoderSpec.Denoising(new Architecture(List.of(16), Activation.TANH, Distribution.GAUSSIAN, false),
                new Corruption.Recordings(List.of("noise.wav"), 0, 10));

        // When it is trained with early stopping on validation loss
        TrainedModel model = new AutoencoderTrainer().fit(spec, new TrainingSet(train, validation, source),
                new TrainingOptions(6, 32, 1e-2, 3, 0, 6), TrainingListener.NONE);

        // Then validation inputs were drawn once (fixed for the phase) and training went past epoch 0
        assertThat(asked.stream().filter(p -> p == TrainingSet.Part.VALIDATION)).hasSize(1);
        assertThat(model.bestEpoch()).isGreaterThan(0);
    }

    private static double[][] reconstruct(TrainedModel model, double[][] rows) {
        ForwardPass pass = new ForwardPass(model.network());
        double[][] out = new double[rows.length][rows[0].length];
        for (int i = 0; i < rows.length; i++) {
            pass.reconstruct(rows[i], out[i]);
        }
        return out;
    }
}
