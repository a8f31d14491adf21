package io.aestream.trainer.eval;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BinaryMetricsTest {
    private static final boolean[] LABELS = {false, false, true, false, true, true, false, false};

    @Test
    void shouldGiveOneWhenTheScorerIsPerfect() {
        double[] perfect = {0.1, 0.2, 0.9, 0.3, 0.8, 0.95, 0.15, 0.05};
        assertThat(BinaryMetrics.rocAuc(perfect, LABELS)).isEqualTo(1.0);
        assertThat(BinaryMetrics.prAuc(perfect, LABELS)).isEqualTo(1.0);
        assertThat(BinaryMetrics.bestF1(perfect, LABELS).f1()).isEqualTo(1.0);
    }

    @Test
    void shouldGiveZeroWhenTheScorerIsInvertedAndAHalfWhenItIsRandom() {
        double[] inverted = {0.9, 0.8, 0.1, 0.7, 0.2, 0.05, 0.85, 0.95};
        assertThat(BinaryMetrics.rocAuc(inverted, LABELS)).isEqualTo(0.0);

        Random rng = new Random(7);
        int n = 20000;
        double[] scores = new double[n];
        boolean[] labels = new boolean[n];
        for (int i = 0; i < n; i++) {
            scores[i] = rng.nextDouble();
            labels[i] = rng.nextDouble() < 0.2;
        }
        assertThat(BinaryMetrics.rocAuc(scores, labels)).isCloseTo(0.5, within(0.02));
        assertThat(BinaryMetrics.prAuc(scores, labels)).isCloseTo(0.2, within(0.02));
        assertThat(BinaryMetrics.rocAuc(new double[] {1, 1, 1, 1}, new boolean[] {true, false, true, false})).isEqualTo(0.5);
    }

    @Test
    void shouldMatchAHandCheckedConfusionMatrixAtAThreshold() {
        // scores above 0.5 flag rows 2, 3, 4: TP = 2 (rows 2, 4), FP = 1 (row 3), FN = 1 (row 5), TN = 4
        double[] scores = {0.1, 0.2, 0.9, 0.6, 0.8, 0.4, 0.3, 0.0};

        Counts c = BinaryMetrics.counts(scores, LABELS, 0.5);

        assertThat(c).isEqualTo(new Counts(2, 1, 4, 1));
        assertThat(c.precision()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(c.recall()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(c.f1()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(c.far()).isCloseTo(1.0 / 5, within(1e-12));
        assertThat(c.mar()).isCloseTo(1.0 / 3, within(1e-12));
        // PR-AUC by hand: ranks 0.9(+) 0.8(+) 0.6(-) 0.4(+) → (1/3)(1) + (1/3)(1) + (1/3)(3/4)
        assertThat(BinaryMetrics.prAuc(scores, LABELS)).isCloseTo((1 + 1 + 0.75) / 3, within(1e-12));
        // ROC-AUC by hand: of 15 positive/negative pairs only (0.4, 0.6) is misordered
        assertThat(BinaryMetrics.rocAuc(scores, LABELS)).isCloseTo(14.0 / 15, within(1e-12));
    }
}
