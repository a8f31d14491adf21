package io.aestream.trainer.train;

import io.aestream.scoring.Activation;
import io.aestream.scoring.Distribution;
import io.aestream.scoring.ForwardPass;
import io.aestream.trainer.model.Architecture;
import io.aestream.trainer.model.AutoencoderSpec;
import io.aestream.trainer.model.Corruption;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ExportParityTest {
    private static final Architecture DEEP = new Architecture(List.of(6, 3), Activation.TANH, Distribution.GAUSSIAN, false);
    private static final Architecture TIED = new Architecture(List.of(6, 3), Activation.SIGMOID, Distribution.GAUSSIAN, true);

    static Stream<Arguments> specs() {
        return Stream.of(
                Arguments.of(new AutoencoderSpec.Undercomplete(DEEP)),
                Arguments.of(new AutoencoderSpec.Undercomplete(TIED)),
                Arguments.of(new AutoencoderSpec.Sparse(new Architecture(List.of(12), Activation.RELU, Distribution.GAUSSIAN, false), 0.01)),
                Arguments.of(new AutoencoderSpec.Denoising(DEEP, new Corruption.Masking(0.2))),
                Arguments.of(new AutoencoderSpec.Contractive(TIED, 0.1)),
                Arguments.of(new AutoencoderSpec.Stacked(TIED, new AutoencoderSpec.Contractive(TIED, 0.1), 1)));
    }

    @ParameterizedTest
    @MethodSource("specs")
    void shouldReconstructLikeTheNativeGraphWhenRunThroughForwardPass(AutoencoderSpec spec) {
        // Given a briefly trained model
        double[][] x = SyntheticData.lowRank(300, 8, 3, 0.1, 21);
        TrainedModel model = new AutoencoderTrainer().fit(spec,
                new TrainingSet(SyntheticData.head(x, 250), SyntheticData.tail(x, 250), null),
                new TrainingOptions(2, 32, 1e-2, 5, 0, 1), TrainingListener.NONE);

        // When the same rows go through the exported network and the native SameDiff model
        double[][] rows = SyntheticData.tail(x, 250);
        double[][] expected = NativeAutoencoder.fromBytes(model.nativeFiles().get(NativeAutoencoder.FILE_NAME)).reconstruct(rows);
        ForwardPass pass = new ForwardPass(model.network());
        double[] out = new double[8];

        // Then they agree to float32 precision
        for (int i = 0; i < rows.length; i++) {
            pass.reconstruct(rows[i], out);
            for (int j = 0; j < out.length; j++) {
                assertThat(out[j]).isCloseTo(expected[i][j], within(1e-5));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Distribution.class)
    void shouldReportValidationLossInTheScoreUnitWhenComparedWithElementLoss(Distribution distribution) {
        // Given data suited to the distribution
        double[][] x = switch (distribution) {
            case GAUSSIAN -> SyntheticData.lowRank(300, 8, 3, 0.1, 22);
            case BERNOULLI -> SyntheticData.binary(300, 8, 22);
            case CATEGORICAL -> SyntheticData.oneHot(300, 8, 22);
        };
        var spec = new AutoencoderSpec.Undercomplete(new Architecture(List.of(4), Activation.SIGMOID, distribution, false));

        // When
        TrainedModel model = new AutoencoderTrainer().fit(spec,
                new TrainingSet(SyntheticData.head(x, 250), SyntheticData.tail(x, 250), null),
                new TrainingOptions(2, 32, 1e-2, 5, 0, 1), TrainingListener.NONE);

        // Then the kept epoch's validation loss is the mean per-feature NLL that scoring computes
        ForwardPass pass = new ForwardPass(model.network());
        double[] out = new double[8];
        double sum = 0;
        double[][] validation = SyntheticData.tail(x, 250);
        for (double[] row : validation) {
            pass.reconstruct(row, out);
            for (int j = 0; j < 8; j++) {
                sum += distribution.elementLoss(row[j], out[j]);
            }
        }
        double expected = sum / (validation.length * 8.0);
        assertThat(model.bestStats().validationLoss()).isCloseTo(expected, within(1e-4 * expected));
    }
}
