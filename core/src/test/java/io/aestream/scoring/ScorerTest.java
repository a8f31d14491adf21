package io.aestream.scoring;

import io.aestream.testing.Networks;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ScorerTest {

    @Test
    void shouldScoreZeroWhenReconstructionIsPerfect() {
        Scorer scorer = new Scorer(Networks.identity(3), new Normalizer.Standardize(new double[] {1, 2, 3}, new double[] {2, 2, 2}),
                Distribution.GAUSSIAN);
        FrameScore s = scorer.score(new double[] {5, -1, 3});
        assertThat(s.score()).isZero();
        assertThat(s.reconstruction()).containsExactly(new double[] {5, -1, 3}, within(1e-12));
    }

    @Test
    void shouldScoreMeanSquaredErrorInNormalizedUnitsForGaussian() {
        // Given a network that always outputs 0 (zero weights) and std 2
        DenseNetwork zero = new DenseNetwork(List.of(new DenseLayer(2, 2, new double[4], new double[2], Activation.IDENTITY)), 0);
        Scorer scorer = new Scorer(zero, new Normalizer.Standardize(new double[] {0, 0}, new double[] {2, 2}), Distribution.GAUSSIAN);
        // When x = (2, 4) → z = (1, 2)
        FrameScore s = scorer.score(new double[] {2, 4});
        // Then score = (1 + 4) / 2 and the second feature contributes most
        assertThat(s.score()).isCloseTo(2.5, within(1e-12));
        assertThat(s.featureErrors()).containsExactly(1.0, 4.0);
        assertThat(s.topFeatures(1)).containsExactly(1);
        assertThat(s.reconstruction()).containsExactly(0.0, 0.0);
    }

    @Test
    void shouldScoreCrossEntropyForBernoulli() {
        DenseNetwork half = new DenseNetwork(List.of(new DenseLayer(2, 2, new double[4], new double[2], Activation.SIGMOID)), 0);
        Scorer scorer = new Scorer(half, new Normalizer.Identity(2), Distribution.BERNOULLI);
        FrameScore s = scorer.score(new double[] {1, 0});
        assertThat(s.score()).isCloseTo(Math.log(2), within(1e-9));
    }

    @Test
    void shouldGiveTheCodeOfTheFrameItScoredLast() {
        // Given an encoder 3 → 2 (h = tanh(z1 + z3), tanh(z2)) over standardized inputs and a linear decoder
        DenseLayer encode = new DenseLayer(3, 2, new double[] {1, 0, 1, 0, 1, 0}, new double[2], Activation.TANH);
        DenseLayer decode = new DenseLayer(2, 3, new double[] {1, 0, 0, 1, 0, 0}, new double[3], Activation.IDENTITY);
        Scorer scorer = new Scorer(new DenseNetwork(List.of(encode, decode), 0),
                new Normalizer.Standardize(new double[] {1, 2, 3}, new double[] {2, 2, 2}), Distribution.GAUSSIAN);
        // When two frames are scored in turn
        scorer.score(new double[] {3, 2, 3});
        double[] first = scorer.code().clone();
        scorer.score(new double[] {1, 6, 1});
        // Then the code is always the last frame's: z = (1, 0, 0) then (0, 2, −1)
        assertThat(scorer.codeSize()).isEqualTo(2);
        assertThat(first).containsExactly(new double[] {Math.tanh(1), 0}, within(1e-15));
        assertThat(scorer.code()).containsExactly(new double[] {Math.tanh(-1), Math.tanh(2)}, within(1e-15));
    }

    @Test
    void shouldRankTopFeaturesByError() {
        FrameScore s = new FrameScore(0, new double[] {0.1, 5, 0.3, 2}, new double[4]);
        assertThat(s.topFeatures(3)).containsExactly(1, 3, 2);
        assertThat(s.topFeatures(10)).hasSize(4);
    }

    @Test
    void shouldNameFieldAndValueWhenNormalizerIsInvalid() {
        assertThatThrownBy(() -> new Normalizer.Standardize(new double[] {0, 0}, new double[] {1, 0}))
                .hasMessage("normalizer std[1]: must be finite and > 0, got 0.0");
        assertThatThrownBy(() -> new Normalizer.MinMax(new double[] {1}, new double[] {1}))
                .hasMessage("normalizer max[0]: must be > min 1.0, got 1.0");
    }

    @Test
    void shouldInvertNormalization() {
        Normalizer[] all = {new Normalizer.Standardize(new double[] {1, -2}, new double[] {3, 0.5}),
                new Normalizer.MinMax(new double[] {-1, 0}, new double[] {1, 10}), new Normalizer.Identity(2)};
        for (Normalizer n : all) {
            double[] x = {0.7, 3.1};
            double[] z = new double[2];
            double[] back = new double[2];
            n.normalize(x, z);
            n.denormalize(z, back);
            assertThat(back).as(n.toString()).containsExactly(x, within(1e-12));
        }
    }
}
