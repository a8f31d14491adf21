package io.aestream.adaptive;

import io.aestream.scoring.Activation;
import io.aestream.scoring.DenseNetwork;
import io.aestream.scoring.ColumnSpec;
import io.aestream.scoring.Distribution;
import io.aestream.scoring.FrameLikelihood;
import io.aestream.scoring.InputColumns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class BackpropTest {

    static Stream<Arguments> networks() {
        return Stream.of(
                Arguments.of(Distribution.GAUSSIAN, Activation.TANH, Activation.IDENTITY),
                Arguments.of(Distribution.GAUSSIAN, Activation.RELU, Activation.IDENTITY),
                Arguments.of(Distribution.GAUSSIAN, Activation.SIGMOID, Activation.TANH),
                Arguments.of(Distribution.BERNOULLI, Activation.TANH, Activation.SIGMOID),
                Arguments.of(Distribution.CATEGORICAL, Activation.SIGMOID, Activation.SOFTMAX));
    }

    @ParameterizedTest(name = "{0} {1}/{2}")
    @MethodSource("networks")
    void shouldMatchFiniteDifferencesWhenComputingGradients(Distribution dist, Activation hidden, Activation output) {
        // Given a small network and frames valid for the distribution
        DenseNetwork net = TestNetworks.random(7, hidden, output, 5, 4, 3, 5);
        double[][] frames = frames(dist, 6);
        Backprop bp = new Backprop(net, dist, FrameLikelihood.uniform(dist, 5));

        // When the analytic gradient is computed, then every parameter's central difference agrees to 1e-4 relative
        assertGradients(bp, net, frames);
    }

    private static void assertGradients(Backprop bp, DenseNetwork net, double[][] frames) {
        double[][] w = Backprop.weightsOf(net);
        double[][] b = Backprop.biasesOf(net);
        double[][] gw = FineTuner.zerosLike(w);
        double[][] gb = FineTuner.zerosLike(b);
        bp.lossAndGradient(w, b, frames, null, 0, frames.length, gw, gb);
        assertGradient(bp, w, b, frames, w, gw);
        assertGradient(bp, w, b, frames, b, gb);
    }

    @Test
    void shouldMatchFiniteDifferencesWhenBernoulliColumnsReadTheirOutputAsLogits() {
        // Given a Gaussian network over a window of 3 rows of one value column and one 0/1 column
        DenseNetwork net = TestNetworks.random(8, Activation.TANH, Activation.IDENTITY, 6, 4, 3, 6);
        InputColumns columns = new InputColumns(List.of(new ColumnSpec("v", Distribution.GAUSSIAN, true, null),
                new ColumnSpec("cmd", Distribution.BERNOULLI, false, null)), null);
        Backprop bp = new Backprop(net, Distribution.GAUSSIAN, FrameLikelihood.of(Distribution.GAUSSIAN, columns, 6));
        Random r = new Random(4);
        double[][] frames = new double[6][6];
        for (double[] row : frames) {
            for (int j = 0; j < row.length; j++) {
                row[j] = j % 2 == 0 ? r.nextGaussian() : r.nextInt(2);
            }
        }

        // When the analytic gradient is computed, then the cross-entropy-on-sigmoid gradient agrees with central differences
        assertGradients(bp, net, frames);
    }

    private static void assertGradient(Backprop bp, double[][] w, double[][] b, double[][] frames, double[][] params,
                                       double[][] analytic) {
        double h = 1e-6;
        for (int k = 0; k < params.length; k++) {
            for (int i = 0; i < params[k].length; i++) {
                double keep = params[k][i];
                params[k][i] = keep + h;
                double up = bp.lossAndGradient(w, b, frames, null, 0, frames.length, null, null);
                params[k][i] = keep - h;
                double down = bp.lossAndGradient(w, b, frames, null, 0, frames.length, null, null);
                params[k][i] = keep;
                double numeric = (up - down) / (2 * h);
                double scale = Math.max(Math.abs(numeric) + Math.abs(analytic[k][i]), 1e-6);
                assertThat(Math.abs(numeric - analytic[k][i]) / scale)
                        .as("layer %d parameter %d: numeric %s vs analytic %s", k, i, numeric, analytic[k][i])
                        .isLessThan(1e-4);
            }
        }
    }

    private static double[][] frames(Distribution dist, int n) {
        Random r = new Random(3);
        double[][] x = new double[n][5];
        for (double[] row : x) {
            switch (dist) {
                case GAUSSIAN -> {
                    for (int j = 0; j < row.length; j++) {
                        row[j] = r.nextGaussian();
                    }
                }
                case BERNOULLI -> {
                    for (int j = 0; j < row.length; j++) {
                        row[j] = r.nextDouble();
                    }
                }
                case CATEGORICAL -> row[r.nextInt(row.length)] = 1;
            }
        }
        return x;
    }
}
