package io.aestream.adaptive;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ThresholdStateTest {

    /** Frames of one score: observe, read, learn (told the flag is the threshold's own), as the detector steps them. */
    private static boolean step(ThresholdState s, double score) {
        s.observe(score);
        boolean flag = s.exceeded();
        s.learn(flag);
        return flag;
    }

    private static double exponential(Random r) {
        return -Math.log(1 - r.nextDouble());
    }

    @Test
    void shouldFlagAtAboutTheRiskWhenSpotSeesStationaryScores() {
        // Given SPOT at risk 1e-3 over exponential scores (a generalized Pareto tail with γ = 0)
        ThresholdState spot = new SpotThresholdConfig(1e-3, 0.98, 1000, 1000, 0).newState();
        Random r = new Random(1);
        int flags = 0;
        int n = 100_000;

        // When a long stationary stream is stepped
        for (int i = 0; i < n; i++) {
            flags += step(spot, exponential(r)) ? 1 : 0;
        }

        // Then the alarm level is near the exact quantile −ln(1e-3) ≈ 6.91, and the flag rate near the risk
        assertThat(spot.threshold()).isBetween(5.9, 7.9);
        assertThat((double) flags / n).isBetween(0.5e-3, 2.5e-3);
    }

    @Test
    void shouldNotFlagDriftWhenDspotFollowsTheLevelButSpotDoes() {
        // Given scores whose level rises steadily, tripling over the stream
        ThresholdState spot = new SpotThresholdConfig(1e-3, 0.98, 500, 500, 0).newState();
        ThresholdState dspot = new SpotThresholdConfig(1e-3, 0.98, 500, 500, 50).newState();
        Random r = new Random(2);
        int spotFlags = 0;
        int dspotFlags = 0;

        // When stepped through both
        for (int i = 0; i < 20_000; i++) {
            double score = 1 + i / 10_000.0 * 2 + 0.1 * r.nextGaussian();
            spotFlags += step(spot, score) ? 1 : 0;
            dspotFlags += step(dspot, score) ? 1 : 0;
        }

        // Then SPOT flags the drift as it leaves the calibrated range; DSPOT stays near its risk
        assertThat(spotFlags).isGreaterThan(1000);
        assertThat(dspotFlags).isLessThan(60);
    }

    @Test
    void shouldFlagABurstAndPruneNoiseWhenTheDynamicThresholdRuns() {
        // Given noisy scores with one burst of 20 frames at 5x the level
        ThresholdState dynamic = DynamicThresholdConfig.defaults().newState();
        Random r = new Random(3);
        int inBurst = 0;
        int outside = 0;

        // When stepped
        for (int i = 0; i < 5000; i++) {
            boolean burst = i >= 3000 && i < 3020;
            boolean flag = step(dynamic, (burst ? 5 : 1) * (1 + 0.2 * Math.abs(r.nextGaussian())));
            inBurst += burst && flag ? 1 : 0;
            outside += !burst && flag && !(i >= 3020 && i < 3100) ? 1 : 0;
        }

        // Then most of the burst is flagged, and hardly anything else (the smoothed tail after the burst aside)
        assertThat(inBurst).isGreaterThanOrEqualTo(15);
        assertThat(outside).isLessThan(25);
    }

    static Stream<ThresholdConfig> kinds() {
        return Stream.of(new QuantileThresholdConfig(0.95, 200, 0.02, 1.0, 30), new SpotThresholdConfig(1e-2, 0.9, 50, 40, 0),
                new SpotThresholdConfig(1e-2, 0.9, 50, 40, 10), new DynamicThresholdConfig(60, 5, 2, 8, 0.5, 0.13, 30));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void shouldContinueIdenticallyWhenWrittenAndReadBackAnywhere(ThresholdConfig config) throws IOException {
        // Given a state stepped into the middle of calibration, and another past it
        Random r = new Random(4);
        ThresholdState live = config.newState();
        for (int checkpoint : new int[] {25, 300}) {
            while (count(live, r, checkpoint)) {
                // stepped by count
            }
            // When it is written and read back
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ThresholdState.write(new DataOutputStream(bytes), live);
            ThresholdState copy = ThresholdState.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));

            // Then both continue with the same thresholds and flags, frame by frame
            Random same = new Random(checkpoint);
            Random again = new Random(checkpoint);
            for (int i = 0; i < 200; i++) {
                double score = 1 + exponential(same) * (i % 50 == 0 ? 8 : 1);
                assertThat(step(copy, score)).isEqualTo(step(live, 1 + exponential(again) * (i % 50 == 0 ? 8 : 1)));
                assertThat(Double.valueOf(copy.threshold())).isEqualTo(Double.valueOf(live.threshold())); // NaN while warming up
            }
        }
    }

    private int stepped;

    /** Steps {@code s} until {@link #stepped} reaches {@code target}; false once it has. */
    private boolean count(ThresholdState s, Random r, int target) {
        if (stepped >= target) {
            return false;
        }
        step(s, exponential(r));
        stepped++;
        return true;
    }

    @Test
    void shouldRejectUnknownKindTagWhenRead() {
        byte[] bytes = {9};
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ThresholdState.read(new DataInputStream(new ByteArrayInputStream(bytes))))
                .hasMessageContaining("unknown threshold kind 9");
    }
}
