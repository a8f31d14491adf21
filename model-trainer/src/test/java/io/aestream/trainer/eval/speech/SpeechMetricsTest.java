package io.aestream.trainer.eval.speech;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SpeechMetricsTest {
    private static double[] tone(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.sin(2 * Math.PI * 300 * i / 8000.0);
        }
        return x;
    }

    @Test
    void shouldGiveTenDecibelsForAnErrorAtATenthOfTheSignalPower() {
        double[] s = tone(8000);
        double[] e = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            e[i] = s[i] + Math.sqrt(0.1) * s[i] * (i % 2 == 0 ? 1 : -1);
        }
        SpeechMetrics m = SpeechMetrics.of(s, e);
        assertThat(m.snrDb()).isCloseTo(10.0, within(0.05));
        assertThat(m.segmentalSnrDb()).isCloseTo(10.0, within(0.1));
    }

    @Test
    void shouldIgnoreTheGainInSiSdrButNotInSnr() {
        double[] s = tone(8000);
        SplittableRandom rng = new SplittableRandom(1);
        double[] noise = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            noise[i] = 0.1 * rng.nextGaussian();
        }
        double[] e = new double[s.length];
        double[] half = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            e[i] = s[i] + noise[i];
            half[i] = 0.5 * e[i];
        }
        SpeechMetrics full = SpeechMetrics.of(s, e);
        SpeechMetrics scaled = SpeechMetrics.of(s, half);
        assertThat(scaled.siSdrDb()).isCloseTo(full.siSdrDb(), within(1e-9));
        assertThat(full.siSdrDb()).isCloseTo(10 * Math.log10(0.5 / 0.01), within(0.3));
        assertThat(scaled.snrDb()).isLessThan(full.snrDb() - 4);
    }

    @Test
    void shouldClipSegmentsAndSkipSilentOnes() {
        double[] s = tone(2048);
        for (int i = 0; i < 1024; i++) {
            s[i] = 0;
        }
        double[] e = s.clone();
        // perfect estimate: every voiced segment clips at 35 dB; silent segments do not count
        assertThat(SpeechMetrics.of(s, e).segmentalSnrDb()).isEqualTo(35.0);
        assertThatThrownBy(() -> SpeechMetrics.of(s, new double[3])).hasMessageContaining("expected 2048 samples");
    }
}
