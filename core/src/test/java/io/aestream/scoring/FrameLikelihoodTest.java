package io.aestream.scoring;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class FrameLikelihoodTest {
    private static final InputColumns COLUMNS = new InputColumns(List.of(
            new ColumnSpec("value", Distribution.GAUSSIAN, true, new ColumnSpec.Scaling("standardize", 2.0, 0.1)),
            new ColumnSpec("cmd", Distribution.BERNOULLI, false, null),
            new ColumnSpec("flag", Distribution.BERNOULLI, true, null)), null);

    @Test
    void shouldScoreOnlyMonitoredColumnsAndSquashBernoulliLogitsWhenTheModelIsGaussian() {
        // Given a window of two rows over value, cmd (context) and flag (monitored, Bernoulli)
        FrameLikelihood l = FrameLikelihood.of(Distribution.GAUSSIAN, COLUMNS, 6);
        double[] x = {0.5, 1, 1, 0.0, 0, 0};
        double[] out = {0.0, -3, 2, 1.0, 4, -1};
        double[] errors = new double[6];

        // When
        double score = l.score(x, out, errors);

        // Then context features add nothing, Bernoulli outputs became probabilities scored by cross-entropy
        double s2 = 1 / (1 + Math.exp(-2));
        double sm1 = 1 / (1 + Math.exp(1));
        assertThat(out[2]).isCloseTo(s2, within(1e-12));
        assertThat(out[1]).isCloseTo(1 / (1 + Math.exp(3)), within(1e-12));
        assertThat(errors[1]).isZero();
        assertThat(errors[4]).isZero();
        assertThat(errors[0]).isCloseTo(0.25, within(1e-12));
        assertThat(errors[2]).isCloseTo(-Math.log(s2), within(1e-12));
        assertThat(errors[5]).isCloseTo(-Math.log(1 - sm1), within(1e-12));
        assertThat(score).isCloseTo((0.25 - Math.log(s2) + 1.0 - Math.log(1 - sm1)) / 4, within(1e-12));
        assertThat(l.monitored(4)).isFalse();
        assertThat(l.squashed(5)).isTrue();
    }

    @Test
    void shouldKeepEveryFeatureMonitoredAndUnsquashedWhenUniform() {
        FrameLikelihood l = FrameLikelihood.uniform(Distribution.GAUSSIAN, 3);
        double[] errors = new double[3];
        assertThat(l.score(new double[] {1, 2, 3}, new double[] {1, 2, 0}, errors)).isCloseTo(3.0, within(1e-12));
    }

    @Test
    void shouldRejectColumnTypesTheModelCannotScore() {
        assertThatThrownBy(() -> FrameLikelihood.of(Distribution.BERNOULLI, COLUMNS, 3))
                .hasMessageContaining("column value type: GAUSSIAN cannot be scored under a BERNOULLI model");
        assertThatThrownBy(() -> FrameLikelihood.of(Distribution.GAUSSIAN, COLUMNS, 4))
                .hasMessageContaining("4 features are not a whole number of rows of 3 columns");
        assertThatThrownBy(() -> new InputColumns(List.of(new ColumnSpec("cmd", Distribution.BERNOULLI, false, null)), null))
                .hasMessageContaining("at least one column must be monitored");
    }

    @Test
    void shouldScoreLikeTheColumnSpecWhenRunThroughTheScorer() {
        // Given an identity network over normalized inputs, so the output is the normalized input itself
        DenseNetwork identity = new DenseNetwork(List.of(new DenseLayer(2, 2, new double[] {1, 0, 0, 1}, new double[] {0, 0},
                Activation.IDENTITY)), 0);
        InputColumns cols = new InputColumns(List.of(new ColumnSpec("a", Distribution.GAUSSIAN, true, null),
                new ColumnSpec("b", Distribution.GAUSSIAN, false, null)), null);
        Scorer scorer = new Scorer(identity, new Normalizer.Standardize(new double[] {0, 0}, new double[] {1, 1}),
                FrameLikelihood.of(Distribution.GAUSSIAN, cols, 2));

        // When b is far off but a is reconstructed exactly, the score is 0: b is context, and nothing is named
        FrameScore s = scorer.score(new double[] {3, 1000});
        assertThat(s.score()).isZero();
        assertThat(s.topFeatures(2)).isEmpty();
    }

    @Test
    void shouldNeverNameAContextColumnWhenMoreFeaturesAreAskedForThanAreMonitored() {
        // Given a window of two rows over value (monitored), cmd (context) and flag (monitored), every output off
        FrameLikelihood l = FrameLikelihood.of(Distribution.GAUSSIAN, COLUMNS, 6);
        double[] errors = new double[6];
        double score = l.score(new double[] {0.5, 1, 1, 0.0, 0, 0}, new double[] {0.0, -3, 2, 1.0, 4, -1}, errors);

        // When all six features are asked for
        int[] top = new FrameScore(score, errors, new double[6]).topFeatures(6);

        // Then only the four monitored ones are named, largest error first
        assertThat(top).containsExactly(3, 5, 0, 2);
    }
}
