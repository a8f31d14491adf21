package io.aestream.trainer.train;

import io.aestream.scoring.Activation;
import io.aestream.scoring.DenseLayer;
import io.aestream.scoring.Distribution;
import io.aestream.trainer.model.Architecture;
import io.aestream.trainer.model.AutoencoderSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UndercompleteAutoencoderTest {

    @Test
    void shouldSpanTheTopPrincipalSubspaceWhenLinearWithSquaredError() {
        // Given 10-dimensional data of rank 3 plus small noise (§14.1: a linear AE with MSE learns the PCA subspace)
        double[][] x = SyntheticData.lowRank(1500, 10, 3, 0.05, 1);
        var spec = new AutoencoderSpec.Undercomplete(
                new Architecture(List.of(3), Activation.IDENTITY, Distribution.GAUSSIAN, false));

        // When
        TrainedModel model = new AutoencoderTrainer().fit(spec,
                new TrainingSet(SyntheticData.head(x, 1200), SyntheticData.tail(x, 1200), null),
                new TrainingOptions(40, 32, 1e-2, 5, 1e-6, 3), TrainingListener.NONE);

        // Then the decoder's columns span the top-3 PCA directions
        DenseLayer decoder = model.network().layers().get(1);
        double[][] columns = new double[10][3];
        for (int o = 0; o < 10; o++) {
            for (int i = 0; i < 3; i++) {
                columns[o][i] = decoder.weight(o, i);
            }
        }
        double angle = LinearAlgebra.largestPrincipalAngleDegrees(columns, LinearAlgebra.principalSubspace(x, 3));
        assertThat(angle).isLessThan(5.0);
    }

    @Test
    void shouldFindNoAngleBetweenASubspaceAndItselfAndARightAngleToItsComplement() {
        // Given the test's own PCA helper on data whose principal axes are known (variances 9, 4, 1 on e0, e1, e2)
        double[][] x = SyntheticData.gaussian(4000, 3, 1.0, new java.util.SplittableRandom(5));
        for (double[] row : x) {
            row[0] *= 3;
            row[1] *= 2;
        }

        // When
        double[][] top = LinearAlgebra.principalSubspace(x, 1);

        // Then
        assertThat(LinearAlgebra.largestPrincipalAngleDegrees(top, new double[][] {{1}, {0}, {0}})).isLessThan(3.0);
        assertThat(LinearAlgebra.largestPrincipalAngleDegrees(top, new double[][] {{0}, {0}, {1}})).isGreaterThan(85.0);
    }
}
