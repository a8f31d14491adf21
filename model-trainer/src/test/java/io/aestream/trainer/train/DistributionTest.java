package io.aestream.trainer.train;

import io.aestream.scoring.Activation;
import io.aestream.scoring.DenseNetwork;
import io.aestream.scoring.Distribution;
import io.aestream.trainer.model.Architecture;
import io.aestream.trainer.model.AutoencoderSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DistributionTest {

    @Test
    void shouldTrainWithCrossEntropyAndSigmoidOutputWhenDataIsBinary() {
        // Given
        double[][] x = SyntheticData.binary(600, 12, 1);

        // When
        TrainedModel model = train(Distribution.BERNOULLI, x);

        // Then
        assertThat(lastLoss(model)).isLessThan(0.7 * model.history().get(0).validationLoss());
        assertThat(outputActivation(model.network())).isEqualTo(Activation.SIGMOID);
    }

    @Test
    void shouldTrainWithSoftmaxCrossEntropyAndSoftmaxOutputWhenDataIsOneHot() {
        // Given
        double[][] x = SyntheticData.oneHot(600, 6, 2);

        // When
        TrainedModel model = train(Distribution.CATEGORICAL, x);

        // Then
        assertThat(lastLoss(model)).isLessThan(0.7 * model.history().get(0).validationLoss());
        assertThat(outputActivation(model.network())).isEqualTo(Activation.SOFTMAX);
    }

    private static TrainedModel train(Distribution distribution, double[][] x) {
        var spec = new AutoencoderSpec.Undercomplete(new Architecture(List.of(4), Activation.SIGMOID, distribution, false));
        return new AutoencoderTrainer().fit(spec,
                new TrainingSet(SyntheticData.head(x, 500), SyntheticData.tail(x, 500), null),
                new TrainingOptions(10, 32, 1e-2, 5, 0, 3), TrainingListener.NONE);
    }

    private static double lastLoss(TrainedModel model) {
        return model.bestStats().validationLoss();
    }

    private static Activation outputActivation(DenseNetwork network) {
        return network.layers().get(network.layers().size() - 1).activation();
    }
}
