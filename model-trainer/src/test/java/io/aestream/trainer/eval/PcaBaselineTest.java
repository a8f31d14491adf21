package io.aestream.trainer.eval;

import io.aestream.scoring.DenseNetwork;
import io.aestream.scoring.ForwardPass;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PcaBaselineTest {
    @Test
    void shouldReconstructLowRankDataAndFlagOffSubspacePointsWhenFittedWithItsRank() {
        // Given rank-2 data in 6 dimensions around a non-zero mean, plus tiny noise
        Random rng = new Random(3);
        double[][] basis = {{1, 2, 0, -1, 0.5, 0}, {0, 1, 1, 1, -2, 0.3}};
        double[][] x = new double[300][6];
        for (double[] row : x) {
            double u = rng.nextGaussian();
            double v = rng.nextGaussian();
            for (int j = 0; j < 6; j++) {
                row[j] = 5 + u * basis[0][j] + v * basis[1][j] + 1e-4 * rng.nextGaussian();
            }
        }

        // When
        DenseNetwork pca = PcaBaseline.fit(x, 2);

        // Then in-subspace points come back, an off-subspace point does not
        ForwardPass f = new ForwardPass(pca);
        double[] out = new double[6];
        f.reconstruct(x[17], out);
        assertThat(out).containsExactly(x[17], within(1e-3));
        double[] off = x[17].clone();
        off[5] += 1.0;
        f.reconstruct(off, out);
        assertThat(Math.abs(out[5] - off[5])).isGreaterThan(0.5);
        assertThat(pca.codeSize()).isEqualTo(2);
    }
}
