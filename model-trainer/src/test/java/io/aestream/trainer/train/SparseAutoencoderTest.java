package io.aestream.trainer.train;

import io.aestream.scoring.Activation;
import io.aestream.scoring.Distribution;
import io.aestream.scoring.ForwardPass;
import io.aestream.trainer.model.Architecture;
import io.aestream.trainer.model.AutoencoderSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SparseAutoencoderTest {
    private static final double NEAR_ZERO = 0.05;

    @Test
    void shouldProduceSmallerAndMoreOftenZeroCodesWhenL1PenaltyIsOn() {
        // Given the same data, architecture and seed, with and without the L1 penalty
        double[][] x = SyntheticData.lowRank(800, 10, 3, 0.1, 4);
        double[][] train = SyntheticData.head(x, 600);
        double[][] heldOut = SyntheticData.tail(x, 600);
        Architecture arch = new Architecture(List.of(12), Activation.RELU, Distribution.GAUSSIAN, false);

        // When
        double[] dense = codeStats(train(new AutoencoderSpec.Sparse(arch, 0.0), train), heldOut);
        double[] sparse = codeStats(train(new AutoencoderSpec.Sparse(arch, 0.05), train), heldOut);

        // Then mean |h| is lower and the share of near-zero units higher
        assertThat(sparse[0]).isLessThan(dense[0]);
        assertThat(sparse[1]).isGreaterThan(dense[1]);
    }

    private static TrainedModel train(AutoencoderSpec spec, double[][] train) {
        return new AutoencoderTrainer().fit(spec, new TrainingSet(train, new double[0][], null),
                new TrainingOptions(15, 32, 1e-2, 5, 0, 8), TrainingListener.NONE);
    }

    /** {mean |h|, share of |h| below NEAR_ZERO} over the held-out rows. */
    private static double[] codeStats(TrainedModel model, double[][] rows) {
        ForwardPass pass = new ForwardPass(model.network());
        double[] out = new double[model.network().outputSize()];
        double sum = 0;
        int small = 0;
        int count = 0;
        for (double[] row : rows) {
            pass.reconstruct(row, out);
            for (double h : pass.code()) {
                sum += Math.abs(h);
                small += Math.abs(h) < NEAR_ZERO ? 1 : 0;
                count++;
            }
        }
        return new double[] {sum / count, small / (double) count};
    }
}
