package io.aestream.trainer.data;

import io.aestream.scoring.ColumnSpec;
import io.aestream.scoring.Distribution;
import io.aestream.scoring.Normalizer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ColumnFitterTest {
    private static final List<String> NAMES = List.of("value", "cmd", "flat", "heavy");

    /** value ~ N(10, 2); cmd 0/1; flat = 5 ± 1e-9; heavy: N(0, 1) with 2 % outliers of ±1000. */
    private static double[][] rows(int n) {
        SplittableRandom rng = new SplittableRandom(5);
        double[][] x = new double[n][4];
        for (int i = 0; i < n; i++) {
            x[i][0] = 10 + 2 * rng.nextGaussian();
            x[i][1] = rng.nextDouble() < 0.1 ? 1 : 0;
            x[i][2] = 5 + 1e-9 * rng.nextGaussian();
            x[i][3] = rng.nextDouble() < 0.02 ? 1000 * Math.signum(rng.nextGaussian()) : rng.nextGaussian();
        }
        return x;
    }

    @Test
    void shouldHoldANearConstantColumnsScaleToItsFloorWhenStandardizing() {
        // When
        ColumnFitter.Fitted f = ColumnFitter.fit(rows(2000), NAMES, ColumnPlan.defaults(NormalizerKind.STANDARDIZE),
                Distribution.GAUSSIAN, 1, Map.of());

        // Then the flat column's scale is 1 % of its magnitude (5), not its spread of 1e-9; the others keep their std
        ColumnSpec flat = f.columns().columns().get(2);
        assertThat(flat.scaling().spread()).isLessThan(1e-8);
        assertThat(flat.scaling().floor()).isCloseTo(0.05, within(1e-6));
        assertThat(flat.scaling().floored()).isTrue();
        Normalizer.Standardize n = (Normalizer.Standardize) f.normalizer();
        assertThat(n.std()[2]).isCloseTo(0.05, within(1e-6));
        assertThat(n.std()[0]).isCloseTo(2, within(0.1));
        // an ordinary later value of the flat column (5.1, 2 % off) is 2 normalized units away, not 10⁸
        double[] z = new double[4];
        n.normalize(new double[] {10, 0, 5.1, 0}, z);
        assertThat(z[2]).isCloseTo(2, within(1e-3));
    }

    @Test
    void shouldTypeBinaryColumnsBernoulliUnscaledWhenAutoUnlessOverridden() {
        ColumnFitter.Fitted auto = ColumnFitter.fit(rows(500), NAMES, ColumnPlan.defaults(NormalizerKind.STANDARDIZE),
                Distribution.GAUSSIAN, 2, Map.of());
        ColumnSpec cmd = auto.columns().columns().get(1);
        assertThat(cmd.type()).isEqualTo(Distribution.BERNOULLI);
        assertThat(cmd.scaling()).isEqualTo(ColumnSpec.Scaling.NONE);
        Normalizer.Standardize n = (Normalizer.Standardize) auto.normalizer();
        assertThat(n.size()).isEqualTo(8);
        assertThat(new double[] {n.mean()[1], n.std()[1], n.mean()[5], n.std()[5]}).containsExactly(0, 1, 0, 1);
        assertThat(auto.columns().columns().get(0).type()).isEqualTo(Distribution.GAUSSIAN);

        ColumnPlan gaussian = ColumnPlan.withTypes(ColumnPlan.defaults(NormalizerKind.STANDARDIZE), "auto,cmd=gaussian");
        assertThat(ColumnFitter.fit(rows(500), NAMES, gaussian, Distribution.GAUSSIAN, 1, Map.of()).columns().columns().get(1).type())
                .isEqualTo(Distribution.GAUSSIAN);
        ColumnPlan wrong = ColumnPlan.withTypes(ColumnPlan.defaults(NormalizerKind.STANDARDIZE), "value=bernoulli");
        assertThatThrownBy(() -> ColumnFitter.fit(rows(500), NAMES, wrong, Distribution.GAUSSIAN, 1, Map.of()))
                .hasMessageContaining("column-types: value=bernoulli needs 0/1 values");
    }

    @Test
    void shouldScaleByMedianAndIqrWhenRobust() {
        ColumnFitter.Fitted f = ColumnFitter.fit(rows(4000), NAMES, ColumnPlan.defaults(NormalizerKind.ROBUST),
                Distribution.GAUSSIAN, 1, Map.of());
        Normalizer.Standardize n = (Normalizer.Standardize) f.normalizer();
        // the outliers inflate the heavy column's std to ~140, while its IQR / 1.349 stays near 1
        assertThat(n.std()[3]).isCloseTo(1, within(0.1));
        assertThat(n.mean()[3]).isCloseTo(0, within(0.1));
        assertThat(f.columns().columns().get(3).scaling().method()).isEqualTo("robust");
    }

    @Test
    void shouldNormalizeEachWindowPerColumnWithAFloorOfATenthOfTheTrainingStdWhenPerFrame() {
        ColumnFitter.Fitted f = ColumnFitter.fit(rows(2000), NAMES, ColumnPlan.defaults(NormalizerKind.PER_FRAME),
                Distribution.GAUSSIAN, 5, Map.of());
        Normalizer.PerFrame n = (Normalizer.PerFrame) f.normalizer();
        assertThat(n.window()).isEqualTo(5);
        assertThat(n.floor()[0]).isCloseTo(0.2, within(0.02));
        assertThat(n.passThrough()).containsExactly(false, true, false, false);
        assertThat(f.columns().columns().get(0).scaling().method()).isEqualTo("per-frame");
        assertThatThrownBy(() -> ColumnFitter.fit(rows(100), NAMES, ColumnPlan.defaults(NormalizerKind.PER_FRAME),
                Distribution.GAUSSIAN, 1, Map.of())).hasMessageContaining("per-frame scaling needs the window layout");
    }

    @Test
    void shouldFindConstantColumnsAndRecordMonitoredColumns() {
        double[][] x = rows(100);
        for (double[] r : x) {
            r[2] = 7;
        }
        assertThat(ColumnFitter.constantColumns(x, NAMES)).containsExactly(Map.entry("flat", 7.0));

        ColumnPlan plan = ColumnPlan.defaults(NormalizerKind.STANDARDIZE).withScoreColumns(List.of("value"));
        double[][] kept = java.util.Arrays.stream(x).map(r -> new double[] {r[0], r[1], r[3]}).toArray(double[][]::new);
        ColumnFitter.Fitted f = ColumnFitter.fit(kept, List.of("value", "cmd", "heavy"), plan, Distribution.GAUSSIAN, 1,
                Map.of("flat", 7.0));
        assertThat(f.columns().monitoredNames()).containsExactly("value");
        assertThat(f.columns().constant()).containsEntry("flat", 7.0);
        assertThatThrownBy(() -> ColumnFitter.fit(kept, List.of("value", "cmd", "heavy"),
                plan.withScoreColumns(List.of("flat")), Distribution.GAUSSIAN, 1, Map.of("flat", 7.0)))
                .hasMessageContaining("score-columns: column flat is constant on the training rows");
    }
}
