package io.aestream.trainer.train;

import io.aestream.scoring.Activation;
import io.aestream.scoring.Distribution;
import io.aestream.scoring.ForwardPass;
import io.aestream.trainer.model.Architecture;
import io.aestream.trainer.model.AutoencoderSpec;
import io.aestream.trainer.model.Corruption;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

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
        double[][] noisy = Corruptor.of(corruption, data).corrupt(heldOut, rows, new SplittableRandom(99));
        ForwardPass pass = new ForwardPass(model.network());
        double[][] restored = new double[noisy.length][10];
        for (int i = 0; i < noisy.length; i++) {
            pass.reconstruct(noisy[i], restored[i]);
        }

        // Then the output is closer to the clean frames than half the corrupted input's error
        double corruptedError = LinearAlgebra.meanSquaredError(noisy, heldOut);
        assertThat(LinearAlgebra.meanSquaredError(restored, heldOut)).isLessThan(corruptedError / 2);
    }
}
