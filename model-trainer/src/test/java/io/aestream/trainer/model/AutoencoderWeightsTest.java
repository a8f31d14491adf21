package io.aestream.trainer.model;

import io.aestream.scoring.Activation;
import io.aestream.scoring.DenseNetwork;
import io.aestream.scoring.Distribution;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AutoencoderWeightsTest {

    @Test
    void shouldMirrorTheEncoderWhenExportingAStackOfShallowLayers() {
        // Given two greedily trained shallow layers, 5 → 4 and 4 → 2, on data with 5 features
        Architecture arch = new Architecture(List.of(4, 2), Activation.TANH, Distribution.BERNOULLI, false);
        AutoencoderWeights first = AutoencoderWeights.initial(NetworkShape.shallowLayer(arch, 5, 0), new SplittableRandom(1));
        AutoencoderWeights second = AutoencoderWeights.initial(NetworkShape.shallowLayer(arch, 5, 1), new SplittableRandom(2));

        // When
        DenseNetwork net = first.stack(second).toNetwork(NetworkShape.of(arch, 5));

        // Then 5→4→2 (code) →4→5, hidden tanh, sigmoid output, inner decoder = the second layer's decoder
        assertThat(net.layers()).extracting(l -> l.inputs() + ">" + l.outputs() + ":" + l.activation())
                .containsExactly("5>4:TANH", "4>2:TANH", "2>4:TANH", "4>5:SIGMOID");
        assertThat(net.codeLayer()).isEqualTo(1);
        assertThat(net.layers().get(2).weight(3, 1)).isEqualTo(second.layers().get(0).decoderWeights()[1][3]);
    }

    @Test
    void shouldUseTheHiddenActivationAndSquaredErrorWhenAShallowLayerReconstructsCodes() {
        // Given
        Architecture arch = new Architecture(List.of(4, 2), Activation.SIGMOID, Distribution.CATEGORICAL, true);

        // When
        NetworkShape inner = NetworkShape.shallowLayer(arch, 5, 1);

        // Then
        assertThat(inner).isEqualTo(new NetworkShape(4, List.of(2), Activation.SIGMOID, Activation.SIGMOID,
                Distribution.GAUSSIAN, true));
    }

    @Test
    void shouldRejectAnOutputUnitThatDoesNotMatchTheCrossEntropyWhenBuildingAShape() {
        assertThatThrownBy(() -> new NetworkShape(5, List.of(2), Activation.TANH, Activation.IDENTITY,
                Distribution.BERNOULLI, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("output").hasMessageContaining("SIGMOID");
    }
}
