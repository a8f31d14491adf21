package io.aestream.adaptive;

import io.aestream.scoring.Activation;
import io.aestream.scoring.DenseNetwork;
import io.aestream.scoring.Distribution;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FineTunerTest {
    private final FineTuner tuner = new FineTuner(Distribution.GAUSSIAN);
    private final DenseNetwork net = TestNetworks.random(1, Activation.TANH, Activation.IDENTITY, 6, 4, 2, 4, 6);
    private final double[][] frames = TestNetworks.lowRankFrames(2, 400, 6, 0.05);

    @Test
    void shouldReduceLossWhenFineTuningOnFrames() {
        // Given the loss of a random network
        double before = tuner.meanLoss(net, frames);

        // When it is fine-tuned on the frames
        DenseNetwork tuned = tuner.fineTune(net, frames, new FineTuneConfig(30, 1e-2, 32, 5));

        // Then the loss falls substantially and the shape is kept
        assertThat(tuner.meanLoss(tuned, frames)).isLessThan(0.5 * before);
        assertThat(tuned.layers()).hasSameSizeAs(net.layers());
        assertThat(tuned.codeLayer()).isEqualTo(net.codeLayer());
    }

    @Test
    void shouldGiveIdenticalWeightsWhenSeedIsTheSame() {
        // Given one config
        FineTuneConfig config = new FineTuneConfig(3, 1e-2, 16, 11);

        // When fine-tuning twice, and once with another seed
        DenseNetwork a = tuner.fineTune(net, frames, config);
        DenseNetwork b = tuner.fineTune(net, frames, config);
        DenseNetwork c = tuner.fineTune(net, frames, config.withSeed(12));

        // Then the same seed gives bit-identical weights, another seed different ones
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
    }

    @Test
    void shouldRejectFramesWhenWidthDiffersFromNetwork() {
        assertThatThrownBy(() -> tuner.fineTune(net, new double[][] {{1, 2}}, FineTuneConfig.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected 6 features, found 2");
    }

    @Test
    void shouldRejectHiddenSoftmaxWhenBuildingGradients() {
        DenseNetwork bad = TestNetworks.random(1, Activation.SOFTMAX, Activation.IDENTITY, 3, 2, 3);
        assertThatThrownBy(() -> tuner.fineTune(bad, new double[][] {{1, 2, 3}}, FineTuneConfig.defaults()))
                .hasMessageContaining("softmax is supported only as the output");
    }
}
