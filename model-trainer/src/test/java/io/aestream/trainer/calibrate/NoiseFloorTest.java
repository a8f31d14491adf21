package io.aestream.trainer.calibrate;

import io.aestream.scoring.ColumnSpec;
import io.aestream.scoring.Distribution;
import io.aestream.scoring.InputColumns;
import io.aestream.scoring.Threshold;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NoiseFloorTest {

    @Test
    void shouldEstimateTheNormalizedNoiseVarianceOfMonitoredGaussianColumns() {
        // Given a slow sine plus noise of std 0.1 in a column scaled by 0.5, a Bernoulli and a context column
        SplittableRandom rng = new SplittableRandom(1);
        double[][] rows = new double[5000][3];
        for (int t = 0; t < rows.length; t++) {
            rows[t][0] = Math.sin(t * 0.001) + 0.1 * rng.nextGaussian();
            rows[t][1] = t % 50 == 0 ? 1 : 0;
            rows[t][2] = 100 * rng.nextGaussian();
        }
        InputColumns columns = new InputColumns(List.of(
                new ColumnSpec("v", Distribution.GAUSSIAN, true, new ColumnSpec.Scaling("standardize", 0.5, 0.01)),
                new ColumnSpec("cmd", Distribution.BERNOULLI, true, null),
                new ColumnSpec("ctx", Distribution.GAUSSIAN, false, new ColumnSpec.Scaling("standardize", 100, 1))), null);

        // When
        double floor = NoiseFloor.of(rows, columns);

        // Then (0.1 / 0.5)² = 0.04 over two monitored columns
        assertThat(floor).isCloseTo(0.02, within(0.002));
    }

    @Test
    void shouldRaiseAThresholdBelowTheFloorAndRecordBoth() {
        Threshold t = NoiseFloor.apply(new Threshold(1e-4, "quantile", Map.of("q", 0.995)), 0.02);
        assertThat(t.value()).isEqualTo(0.02);
        assertThat(t.parameters()).containsEntry("calibrated", 1e-4).containsEntry("noise_floor", 0.02).containsEntry("q", 0.995);
        assertThat(NoiseFloor.apply(new Threshold(0.5, "quantile", Map.of()), 0.02).value()).isEqualTo(0.5);
    }
}
