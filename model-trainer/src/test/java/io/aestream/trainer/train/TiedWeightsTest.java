package io.aestream.trainer.train;

import io.aestream.scoring.Activation;
import io.aestream.scoring.DenseLayer;
import io.aestream.scoring.DenseNetwork;
import io.aestream.scoring.Distribution;
import io.aestream.trainer.model.Architecture;
import io.aestream.trainer.model.AutoencoderSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TiedWeightsTest {

    @Test
    void shouldExportTransposedEncoderWeightsAndKeepOneVariableWhenTied() {
        // Given a two-layer tied autoencoder
        double[][] x = SyntheticData.lowRank(400, 8, 3, 0.1, 2);
        var spec = new AutoencoderSpec.Undercomplete(new Architecture(List.of(5, 3), Activation.TANH, Distribution.GAUSSIAN, true));

        // When
        TrainedModel model = new AutoencoderTrainer().fit(spec, new TrainingSet(x, new double[0][], null),
                new TrainingOptions(3, 32, 1e-2, 5, 0, 1), TrainingListener.NONE);

        // Then decoder layer (3 - k) is exactly the transpose of encoder layer k
        DenseNetwork net = model.network();
        for (int k = 0; k < 2; k++) {
            DenseLayer encoder = net.layers().get(k);
            DenseLayer decoder = net.layers().get(3 - k);
            for (int o = 0; o < encoder.outputs(); o++) {
                for (int i = 0; i < encoder.inputs(); i++) {
                    assertThat(decoder.weight(i, o)).isEqualTo(encoder.weight(o, i));
                }
            }
        }
        // And the native graph holds one weight variable per tied pair, plus separate biases
        NativeAutoencoder nativeModel = NativeAutoencoder.fromBytes(model.nativeFiles().get(NativeAutoencoder.FILE_NAME));
        assertThat(nativeModel.parameterNames()).containsExactly("W0", "W1", "b0", "b1", "c0", "c1");
    }

    @Test
    void shouldKeepSeparateDecoderWeightsWhenNotTied() {
        // Given
        double[][] x = SyntheticData.lowRank(200, 6, 2, 0.1, 2);
        var spec = new AutoencoderSpec.Undercomplete(new Architecture(List.of(2), Activation.TANH, Distribution.GAUSSIAN, false));

        // When
        TrainedModel model = new AutoencoderTrainer().fit(spec, new TrainingSet(x, new double[0][], null),
                new TrainingOptions(1, 32, 1e-2, 5, 0, 1), TrainingListener.NONE);

        // Then
        NativeAutoencoder nativeModel = NativeAutoencoder.fromBytes(model.nativeFiles().get(NativeAutoencoder.FILE_NAME));
        assertThat(nativeModel.parameterNames()).containsExactly("W0", "Wd0", "b0", "c0");
    }
}
