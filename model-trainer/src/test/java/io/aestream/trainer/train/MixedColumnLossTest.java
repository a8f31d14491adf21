package io.aestream.trainer.train;

import io.aestream.scoring.ColumnSpec;
import io.aestream.scoring.Distribution;
import io.aestream.scoring.FrameLikelihood;
import io.aestream.scoring.InputColumns;
import io.aestream.scoring.Normalizer;
import io.aestream.scoring.Scorer;
import io.aestream.scoring.Activation;
import io.aestream.trainer.model.Architecture;
import io.aestream.trainer.model.AutoencoderSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Gaussian and Bernoulli columns in one model: the trainer's loss is the lean scorer's per-column NLL. */
class MixedColumnLossTest {

    /** Columns: value v, command c (0/1), v depends on c; every third feature of the window-free frame is binary. */
    private static double[][] rows(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] x = new double[n][3];
        int c = 0;
        for (int i = 0; i < n; i++) {
            if (rng.nextDouble() < 0.05) {
                c = 1 - c;
            }
            x[i][0] = c;
            x[i][1] = (c == 1 ? 1.0 : -1.0) + 0.1 * rng.nextGaussian();
            x[i][2] = Math.sin(i * 0.1) + 0.1 * rng.nextGaussian();
        }
        return x;
    }

    @Test
    void shouldTrainCrossEntropyOnBernoulliColumnsWhenScoredThroughTheLeanScorer() {
        // Given a Gaussian model whose first column is Bernoulli
        double[][] x = rows(600, 3);
        InputColumns columns = new InputColumns(List.of(
                new ColumnSpec("cmd", Distribution.BERNOULLI, true, null),
                new ColumnSpec("v", Distribution.GAUSSIAN, true, null),
                new ColumnSpec("w", Distribution.GAUSSIAN, true, null)), null);
        FrameLikelihood likelihood = FrameLikelihood.of(Distribution.GAUSSIAN, columns, 3);
        var spec = new AutoencoderSpec.Undercomplete(new Architecture(List.of(6, 2), Activation.TANH, Distribution.GAUSSIAN, false));

        // When trained with the Bernoulli column's output as a logit
        TrainedModel model = new AutoencoderTrainer().fit(spec,
                new TrainingSet(SyntheticData.head(x, 500), SyntheticData.tail(x, 500), null, new boolean[] {true, false, false}),
                new TrainingOptions(30, 32, 1e-2, 30, 0, 1), TrainingListener.NONE);

        // Then the validation loss of the kept epoch is the mean per-feature NLL the lean scorer computes
        Scorer scorer = new Scorer(model.network(), new Normalizer.Identity(3), likelihood);
        double sum = 0;
        List<Double> commandProbabilities = new ArrayList<>();
        double[][] validation = SyntheticData.tail(x, 500);
        for (double[] row : validation) {
            var s = scorer.score(row);
            sum += s.score();
            commandProbabilities.add(s.reconstruction()[0]);
        }
        double expected = sum / validation.length;
        assertThat(model.bestStats().validationLoss()).isCloseTo(expected, within(1e-4 * expected));
        // and the command's reconstruction is a probability that tracks the command (v reveals it)
        for (int i = 0; i < validation.length; i++) {
            assertThat(commandProbabilities.get(i)).isBetween(0.0, 1.0);
            assertThat(Math.abs(commandProbabilities.get(i) - validation[i][0])).as("row " + i).isLessThan(0.5);
        }
    }
}
