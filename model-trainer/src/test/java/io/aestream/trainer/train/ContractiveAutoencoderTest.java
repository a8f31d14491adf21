package io.aestream.trainer.train;

import io.aestream.scoring.Activation;
import io.aestream.scoring.DenseNetwork;
import io.aestream.scoring.Distribution;
import io.aestream.trainer.model.Architecture;
import io.aestream.trainer.model.AutoencoderSpec;
import io.aestream.trainer.model.AutoencoderWeights;
import io.aestream.trainer.model.NetworkShape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ContractiveAutoencoderTest {

    static Stream<Arguments> encoders() {
        return Stream.of(Arguments.of(List.of(4), Activation.SIGMOID), Arguments.of(List.of(6, 3), Activation.TANH),
                Arguments.of(List.of(5, 4, 2), Activation.SIGMOID));
    }

    @ParameterizedTest
    @MethodSource("encoders")
    void shouldComputeThePenaltyOfTheFiniteDifferenceJacobianWhenEncoderIsShallowOrDeep(List<Integer> sizes, Activation act) {
        // Given a graph with λ = 1 (loss − reconstruction = mean ‖J‖²_F) and random weights
        NetworkShape shape = new NetworkShape(7, sizes, act, Activation.IDENTITY, Distribution.GAUSSIAN, false);
        AutoencoderWeights weights = AutoencoderWeights.initial(shape, new SplittableRandom(3));
        AutoencoderGraph graph = AutoencoderGraph.build(shape, new Objective.Penalty.Contractive(1.0), weights, 1e-3);
        double[][] x = SyntheticData.gaussian(5, 7, 1.0, new SplittableRandom(4));

        // When
        double penalty = graph.scalar(NativeAutoencoder.LOSS, x, x) - graph.scalar(NativeAutoencoder.RECONSTRUCTION, x, x);

        // Then it matches central differences on the exported encoder (float32 graph vs float64 reference)
        DenseNetwork encoder = graph.weights().encoder(shape);
        double expected = 0;
        for (double[] row : x) {
            expected += LinearAlgebra.jacobianFrobeniusSquared(encoder, row, 1e-5) / x.length;
        }
        assertThat(penalty).isCloseTo(expected, within(1e-3 * expected));
    }

    @Test
    void shouldLowerTheEncoderJacobianNormWhenContractivePenaltyIsOn() {
        // Given the same data and seed, with and without the contractive penalty
        double[][] x = SyntheticData.lowRank(800, 8, 3, 0.1, 9);
        Architecture arch = new Architecture(List.of(6), Activation.SIGMOID, Distribution.GAUSSIAN, false);

        // When
        double plain = meanJacobianNorm(train(new AutoencoderSpec.Contractive(arch, 0.0), SyntheticData.head(x, 600)),
                SyntheticData.tail(x, 600));
        double contractive = meanJacobianNorm(train(new AutoencoderSpec.Contractive(arch, 0.5), SyntheticData.head(x, 600)),
                SyntheticData.tail(x, 600));

        // Then
        assertThat(contractive).isLessThan(plain);
    }

    private static TrainedModel train(AutoencoderSpec spec, double[][] rows) {
        return new AutoencoderTrainer().fit(spec, new TrainingSet(rows, new double[0][], null),
                new TrainingOptions(15, 32, 1e-2, 5, 0, 10), TrainingListener.NONE);
    }

    private static double meanJacobianNorm(TrainedModel model, double[][] rows) {
        DenseNetwork full = model.network();
        DenseNetwork encoder = new DenseNetwork(full.layers().subList(0, full.codeLayer() + 1), full.codeLayer());
        double sum = 0;
        for (double[] row : rows) {
            sum += Math.sqrt(LinearAlgebra.jacobianFrobeniusSquared(encoder, row, 1e-5));
        }
        return sum / rows.length;
    }
}
