package io.aestream.trainer.train;

import io.aestream.scoring.Activation;
import io.aestream.scoring.Distribution;
import io.aestream.trainer.model.Architecture;
import io.aestream.trainer.model.AutoencoderSpec;
import io.aestream.trainer.model.Corruption;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class ReproducibilityTest {
    private static final AutoencoderSpec SPEC = new AutoencoderSpec.Denoising(
            new Architecture(List.of(6, 3), Activation.TANH, Distribution.GAUSSIAN, false), new Corruption.Gaussian(0.2));

    @Test
    void shouldExportIdenticalWeightsWhenTrainedTwiceWithTheSameSeed() {
        // Given
        TrainingSet data = data();

        // When
        TrainedModel first = new AutoencoderTrainer().fit(SPEC, data, options(7), TrainingListener.NONE);
        TrainedModel second = new AutoencoderTrainer().fit(SPEC, data, options(7), TrainingListener.NONE);
        TrainedModel otherSeed = new AutoencoderTrainer().fit(SPEC, data, options(8), TrainingListener.NONE);

        // Then
        assertThat(second.network()).isEqualTo(first.network());
        assertThat(second.history()).isEqualTo(first.history());
        assertThat(otherSeed.network()).isNotEqualTo(first.network());
    }

    @Test
    void shouldStopEarlyAndKeepTheBestEpochWhenValidationLossPlateaus() {
        // Given pure noise: nothing to learn beyond the mean, so validation loss flattens within a few epochs
        SplittableRandom rng = new SplittableRandom(3);
        double[][] train = SyntheticData.gaussian(300, 8, 1.0, rng);
        double[][] validation = SyntheticData.gaussian(100, 8, 1.0, rng);
        var spec = new AutoencoderSpec.Undercomplete(new Architecture(List.of(2), Activation.TANH, Distribution.GAUSSIAN, false));
        List<EpochStats> reported = new ArrayList<>();

        // When
        TrainedModel model = new AutoencoderTrainer().fit(spec, new TrainingSet(train, validation, null),
                new TrainingOptions(200, 32, 1e-2, 3, 1e-3, 5), (phase, stats, max) -> reported.add(stats));

        // Then it stopped `patience` epochs after the best one, long before the limit
        int lastEpoch = model.history().get(model.history().size() - 1).epoch();
        assertThat(lastEpoch).isLessThan(200).isEqualTo(model.bestEpoch() + 3);
        assertThat(reported).isEqualTo(model.history());
        double best = model.bestStats().validationLoss();
        assertThat(model.history()).allSatisfy(s -> assertThat(s.validationLoss()).isGreaterThan(best - 1e-3));
    }

    private static TrainingSet data() {
        double[][] x = SyntheticData.lowRank(300, 8, 3, 0.1, 30);
        return new TrainingSet(SyntheticData.head(x, 250), SyntheticData.tail(x, 250), null);
    }

    private static TrainingOptions options(long seed) {
        return new TrainingOptions(3, 32, 1e-2, 5, 0, seed);
    }
}
