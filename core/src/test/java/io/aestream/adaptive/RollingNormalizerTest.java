package io.aestream.adaptive;

import io.aestream.scoring.ColumnSpec;
import io.aestream.scoring.Distribution;
import io.aestream.scoring.FrameLikelihood;
import io.aestream.scoring.InputColumns;
import io.aestream.scoring.Normalizer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RollingNormalizerTest {
    private final Normalizer fixed = new Normalizer.Standardize(new double[] {0, 0}, new double[] {1, 1});

    @Test
    void shouldUseFixedNormalizerWhenWarmingUp() {
        // Given rolling normalization with a 50-frame warm-up
        RollingNormalizer n = new RollingNormalizer(fixed, new NormalizationConfig(1, 100, 50));
        EwStats stats = new EwStats(2);
        double[] out = new double[2];

        // When 49 frames at level 10 have been seen
        for (int i = 0; i < 49; i++) {
            n.update(stats, new double[] {10, 10});
        }
        n.normalize(stats, new double[] {10, -3}, out);

        // Then the fixed normalizer still applies
        assertThat(out).containsExactly(10, -3);
    }

    @Test
    void shouldCentreDriftingFeatureWhenRollingStatisticsAreActive() {
        // Given a feature drifting from 0 to 20 with unit noise
        RollingNormalizer n = new RollingNormalizer(fixed, new NormalizationConfig(1, 50, 20));
        EwStats stats = new EwStats(2);
        Random r = new Random(2);
        double sum = 0;
        double[] out = new double[2];

        // When normalized causally
        for (int t = 0; t < 4000; t++) {
            double[] x = {20.0 * t / 4000 + r.nextGaussian(), 3 * r.nextGaussian()};
            n.normalize(stats, x, out);
            n.update(stats, x);
            if (t >= 3000) {
                sum += out[0];
            }
        }

        // Then late frames sit near zero (fixed: ~17); an EW mean lags a trend by slope * halfLife / ln 2 = 0.36
        assertThat(sum / 1000).isCloseTo(0.005 * 50 / Math.log(2), within(0.15));
    }

    @Test
    void shouldKeepLongStepVisibleWhenDeviationsAreClipped() {
        // Given unit noise, then a step of 10 std, 25 frames in (half-life 100), with and without clipping
        double clipped = lastOfStep(3.0);
        double unclipped = lastOfStep(0.0);

        // Then the clipped statistics still score the step far out: each frame moves the mean by at most
        // 3 std * 0.0069 and the variance by a bounded factor; unclipped, 25 frames of (10 std)^2 have inflated the
        // variance enough to shrink the step below 3
        assertThat(clipped).isGreaterThan(4);
        assertThat(unclipped).isLessThan(3);
    }

    private static double lastOfStep(double clipSigmas) {
        Normalizer fixed = new Normalizer.Standardize(new double[] {0}, new double[] {1});
        RollingNormalizer n = new RollingNormalizer(fixed, new NormalizationConfig(1, 100, 50, clipSigmas));
        EwStats stats = new EwStats(1);
        Random r = new Random(5);
        double[] out = new double[1];
        for (int t = 0; t < 1025; t++) {
            double[] x = {(t >= 1000 ? 10 : 0) + r.nextGaussian()};
            n.normalize(stats, x, out);
            n.update(stats, x);
        }
        return out[0];
    }

    @Test
    void shouldFollowConstantFeatureThatStartsMovingWhenClipping() {
        // Given a feature constant through warm-up (rolling variance 0), then moving to a new level
        RollingNormalizer n = new RollingNormalizer(fixed, new NormalizationConfig(1, 20, 10, 3.0));
        EwStats stats = new EwStats(2);
        double[] out = new double[2];
        for (int t = 0; t < 400; t++) {
            double[] x = {t < 100 ? 1 : 2, 0};
            n.normalize(stats, x, out);
            n.update(stats, x);
        }

        // Then the clip width never falls to zero (it uses the floored std), so the statistics reach the new level
        assertThat(stats.mean(0)).isCloseTo(2, within(0.01));
    }

    @Test
    void shouldNotNormalizeFrameWithItselfWhenStatisticsAreActive() {
        // Given steady frames
        RollingNormalizer n = new RollingNormalizer(fixed, new NormalizationConfig(1, 100, 10));
        EwStats stats = new EwStats(2);
        Random r = new Random(3);
        for (int t = 0; t < 500; t++) {
            n.update(stats, new double[] {r.nextGaussian(), r.nextGaussian()});
        }
        double[] out = new double[2];

        // When a spike arrives
        n.normalize(stats, new double[] {8, 0}, out);

        // Then it is measured against the past only (a self-including mean would shrink it)
        assertThat(out[0]).isGreaterThan(7);
    }

    @Test
    void shouldKeepBernoulliColumnsOnTheFixedMappingWhenRollingStatisticsAreActive() {
        // Given a value column and a 0/1 command column that is on most of the time
        Normalizer fixed = new Normalizer.Standardize(new double[] {0, 0}, new double[] {1, 1});
        InputColumns columns = new InputColumns(List.of(new ColumnSpec("v", Distribution.GAUSSIAN, true, null),
                new ColumnSpec("cmd", Distribution.BERNOULLI, false, null)), null);
        RollingNormalizer n = new RollingNormalizer(fixed, new NormalizationConfig(1, 100, 10),
                FrameLikelihood.of(Distribution.GAUSSIAN, columns, 2));
        EwStats stats = new EwStats(2);
        for (int t = 0; t < 200; t++) {
            n.update(stats, new double[] {5 + Math.sin(t), t % 10 == 0 ? 0 : 1});
        }
        double[] out = new double[2];

        // When
        n.normalize(stats, new double[] {5, 1}, out);

        // Then the value is centred by the rolling mean, the command stays 0/1 for its cross-entropy
        assertThat(out[0]).isCloseTo(0, within(0.5));
        assertThat(out[1]).isEqualTo(1.0);
    }

    @Test
    void shouldBlendWhenAlphaIsBetweenZeroAndOne() {
        // Given alpha 0.5, fixed mean 0/std 1 and a history at constant 4 (std floored at 0.05)
        RollingNormalizer n = new RollingNormalizer(fixed, new NormalizationConfig(0.5, 100, 1));
        EwStats stats = new EwStats(2);
        n.update(stats, new double[] {4, 4});
        double[] out = new double[2];
        double[] back = new double[2];

        // When normalizing and inverting
        n.normalize(stats, new double[] {4, 2}, out);
        n.denormalize(new double[] {4, 2}, out, back);

        // Then mean = 2, std = 0.525, and the inverse restores the frame
        assertThat(out[0]).isCloseTo(2 / 0.525, within(1e-12));
        assertThat(back).containsExactly(new double[] {4, 2}, within(1e-12));
    }

    @Test
    void shouldRejectMinMaxBundleWhenRollingIsOn() {
        Normalizer minMax = new Normalizer.MinMax(new double[] {0}, new double[] {1});
        assertThatThrownBy(() -> new RollingNormalizer(minMax, new NormalizationConfig(0.5, 100, 10)))
                .hasMessageContaining("normalization.alpha").hasMessageContaining("MinMax");
    }
}
