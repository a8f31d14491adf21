package io.aestream.trainer.calibrate;

import io.aestream.scoring.Threshold;
import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CalibratorTest {
    private static final double[] ZERO_TO_HUNDRED = IntStream.rangeClosed(0, 100).asDoubleStream().toArray();

    @Test
    void shouldTakeTheInterpolatedQuantileWhenMethodIsQuantile() {
        Threshold t = Calibrator.calibrate(ThresholdMethod.parse("quantile:0.995"), ZERO_TO_HUNDRED, null);
        assertThat(t.value()).isCloseTo(99.5, within(1e-12));
        assertThat(t.method()).isEqualTo("quantile");
        assertThat(t.parameters()).containsEntry("q", 0.995);
    }

    @Test
    void shouldScaleTheQuantileWhenMethodIsScaledQuantile() {
        Threshold t = Calibrator.calibrate(ThresholdMethod.parse("scaled-quantile:0.5:1.5"), ZERO_TO_HUNDRED, null);
        assertThat(t.value()).isCloseTo(75, within(1e-12));
        assertThat(t.parameters()).containsEntry("factor", 1.5);
    }

    @Test
    void shouldAddKStandardDeviationsToTheMeanWhenMethodIsSigma() {
        Threshold t = Calibrator.calibrate(ThresholdMethod.parse("sigma:3"), new double[] {1, 3, 1, 3}, null);
        assertThat(t.value()).isCloseTo(2 + 3 * 1, within(1e-12));
        assertThat(t.method()).isEqualTo("mean_k_sigma");
    }

    @Test
    void shouldSeparateTheClassesWhenMethodIsBestF1AndLabelsAreSeparable() {
        double[] scores = {0.1, 0.4, 0.2, 0.9, 0.8, 0.3};
        boolean[] labels = {false, false, false, true, true, false};

        Threshold t = Calibrator.calibrate(ThresholdMethod.parse("best-f1"), scores, labels);

        assertThat(t.value()).isCloseTo(0.6, within(1e-12));
        assertThat(t.parameters()).containsEntry("f1", 1.0);
    }

    @Test
    void shouldExplainTheExpectedFormWhenTheMethodIsUnknownOrLabelsAreMissing() {
        assertThatThrownBy(() -> ThresholdMethod.parse("median"))
                .hasMessage("threshold: expected quantile:Q, sigma:K, best-f1 or scaled-quantile:Q:F, got 'median'");
        assertThatThrownBy(() -> Calibrator.calibrate(new ThresholdMethod.BestF1(), new double[] {1}, null))
                .hasMessageContaining("needs a label per calibration score");
        assertThatThrownBy(() -> ThresholdMethod.parse("quantile:1.5")).hasRootCauseMessage("threshold quantile: must be in (0, 1], got 1.5");
    }
}
