package io.aestream.adaptive;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AnomalyLikelihoodTest {
    private final AnomalyLikelihood layer = new AnomalyLikelihood(new LikelihoodConfig(5, 1000, 100, 1e-3));

    @Test
    void shouldMatchKnownNormalQuantilesWhenComputingCdf() {
        assertThat(AnomalyLikelihood.normalCdf(0)).isCloseTo(0.5, within(1e-7));
        assertThat(AnomalyLikelihood.normalCdf(1.959964)).isCloseTo(0.975, within(1e-6));
        assertThat(AnomalyLikelihood.normalCdf(3.090232)).isCloseTo(0.999, within(1e-6));
        assertThat(AnomalyLikelihood.normalCdf(-3.090232)).isCloseTo(0.001, within(1e-6));
    }

    @Test
    void shouldStayNeutralWhenWarmingUp() {
        AnomalyLikelihood.State s = layer.newState();
        for (int i = 0; i < 100; i++) {
            assertThat(layer.step(s, i == 50 ? 1e6 : 1.0)).isEqualTo(AnomalyLikelihood.NEUTRAL);
        }
    }

    @Test
    void shouldRarelyFlagWhenErrorsAreStationary() {
        // Given stationary scores shaped like reconstruction errors: the mean of 8 squared Gaussian residuals
        AnomalyLikelihood.State s = layer.newState();
        Random r = new Random(5);
        int flags = 0;

        // When 20 000 are stepped
        for (int i = 0; i < 20_000; i++) {
            double score = 0;
            for (int j = 0; j < 8; j++) {
                double g = r.nextGaussian();
                score += g * g / 8;
            }
            flags += layer.flags(layer.step(s, score)) ? 1 : 0;
        }

        // Then flags are rare: a few times epsilon at most (the right tail of these means is heavier than Gaussian)
        assertThat(flags).isLessThan(100);
    }

    @Test
    void shouldFlagQuicklyAndThenAdaptWhenErrorLevelJumps() {
        // Given a long stationary history
        AnomalyLikelihood.State s = layer.newState();
        Random r = new Random(6);
        for (int i = 0; i < 3000; i++) {
            layer.step(s, 1 + 0.1 * r.nextGaussian());
        }

        // When errors jump to 3x and stay there
        int firstFlag = -1;
        double likelihood = 0;
        for (int i = 0; i < 20_000; i++) {
            likelihood = layer.step(s, 3 + 0.3 * r.nextGaussian());
            if (firstFlag < 0 && layer.flags(likelihood)) {
                firstFlag = i;
            }
        }

        // Then the jump is flagged within the short window, and once the long run has absorbed it, no longer
        assertThat(firstFlag).isBetween(0, 5);
        assertThat(likelihood).isLessThan(0.99);
    }
}
