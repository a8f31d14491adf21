package io.aestream.adaptive;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AnomalyLikelihoodTest {
    private final AnomalyLikelihood layer = new AnomalyLikelihood(new LikelihoodConfig(5, 1000, 100, 1e-3));

    @Test
    void shouldMatchKnownGaussianTailsWithoutUnderflowFarOut() {
        assertThat(AnomalyLikelihood.log10UpperTail(0)).isCloseTo(Math.log10(0.5), within(1e-7));
        assertThat(AnomalyLikelihood.log10UpperTail(3.090232)).isCloseTo(-3, within(1e-5));
        assertThat(AnomalyLikelihood.log10UpperTail(-3.090232)).isCloseTo(Math.log10(0.999), within(1e-7));
        // Q(40) ≈ 3.7e-350, below the smallest double: still finite, and ordered with its neighbours
        assertThat(AnomalyLikelihood.log10UpperTail(40)).isCloseTo(-349.437, within(0.001));
        assertThat(AnomalyLikelihood.log10UpperTail(400)).isLessThan(AnomalyLikelihood.log10UpperTail(40)).isFinite();
    }

    @Test
    void shouldStayNeutralWhenWarmingUp() {
        AnomalyLikelihood.State s = layer.newState();
        for (int i = 0; i < 100; i++) {
            assertThat(layer.step(s, i == 50 ? 1e6 : 1.0)).isEqualTo(AnomalyLikelihood.NEUTRAL);
        }
        assertThat(AnomalyLikelihood.NEUTRAL).isCloseTo(0.2314, within(1e-4));
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
    void shouldRankTheLargerOfTwoAnomaliesHigherWhenBothAreFarInTheTail() {
        // Given a stationary series with a moderate burst at 3000 and one ten times larger at 6000
        AnomalyLikelihood.State s = layer.newState();
        Random r = new Random(7);
        double normalMax = 0;
        double smallMax = 0;
        double largeMax = 0;

        // When stepped
        for (int i = 0; i < 8000; i++) {
            double burst = i >= 3000 && i < 3010 ? 2 : i >= 6000 && i < 6010 ? 20 : 0;
            double l = layer.step(s, 1 + 0.1 * r.nextGaussian() + burst);
            if (i >= 3000 && i < 3010) {
                smallMax = Math.max(smallMax, l);
            } else if (i >= 6000 && i < 6010) {
                largeMax = Math.max(largeMax, l);
            } else if (i >= 1000) {
                normalMax = Math.max(normalMax, l);
            }
        }

        // Then both are flagged far in the tail (z > 10, where a Gaussian likelihood rounds to 1), and still ordered
        assertThat(smallMax).isGreaterThan(AnomalyLikelihood.scaled(-AnomalyLikelihood.log10UpperTail(10)));
        assertThat(largeMax).isGreaterThan(smallMax).isLessThan(1);
        assertThat(normalMax).isLessThan(smallMax);
        assertThat(layer.flags(smallMax)).isTrue();
    }

    @Test
    void shouldFlagQuicklyAndThenFallBackWhenErrorLevelShiftsAndStays() {
        // Given a long stationary history
        AnomalyLikelihood.State s = layer.newState();
        Random r = new Random(6);
        for (int i = 0; i < 3000; i++) {
            layer.step(s, 1 + 0.1 * r.nextGaussian());
        }

        // When errors jump to 3x and stay there
        int firstFlag = -1;
        int lastFlag = -1;
        double[] after = new double[3000];
        for (int i = 0; i < after.length; i++) {
            after[i] = layer.step(s, 3 + 0.3 * r.nextGaussian());
            if (layer.flags(after[i])) {
                firstFlag = firstFlag < 0 ? i : firstFlag;
                lastFlag = i;
            }
        }

        // Then the jump is flagged within the short window; once the new level fills part of the long window the flags
        // stop, and after the window has slid past the change the likelihood is back to ordinary values
        assertThat(firstFlag).isBetween(0, 5);
        assertThat(lastFlag).isLessThan(1000);
        double settled = java.util.Arrays.stream(after, 2000, after.length).average().orElseThrow();
        assertThat(settled).isCloseTo(AnomalyLikelihood.NEUTRAL, within(0.1));
    }
}
