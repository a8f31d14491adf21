package io.aestream.trainer.data;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class DominantPeriodTest {

    private static double[][] series(int n, int period, double noise, long seed) {
        Random rng = new Random(seed);
        double[][] rows = new double[n][2];
        for (int t = 0; t < n; t++) {
            double phase = 2 * Math.PI * t / period;
            rows[t][0] = Math.sin(phase) + 0.3 * Math.sin(3 * phase) + noise * rng.nextGaussian();
            rows[t][1] = 5 + 2 * Math.cos(phase) + noise * rng.nextGaussian(); // same cycle, another level and scale
        }
        return rows;
    }

    @Test
    void shouldChooseOnePeriodOfTheDominantCycle() {
        DominantPeriod p = DominantPeriod.of(series(2000, 48, 0.3, 1));

        assertThat(p.window()).isEqualTo(48);
        assertThat(p.reason()).contains("lag 48");
    }

    @Test
    void shouldPreferTheStrongestCycleOverItsHarmonicsAndMultiples() {
        assertThat(DominantPeriod.of(series(3000, 24, 0.1, 2)).window()).isEqualTo(24);
    }

    @Test
    void shouldFallBackWhenTheSeriesHasNoCycle() {
        Random rng = new Random(3);
        double[][] noise = new double[1000][1];
        for (double[] r : noise) {
            r[0] = rng.nextGaussian();
        }

        DominantPeriod p = DominantPeriod.of(noise);

        assertThat(p.window()).isEqualTo(DominantPeriod.FALLBACK);
        assertThat(p.reason()).contains("fallback");
    }
}
