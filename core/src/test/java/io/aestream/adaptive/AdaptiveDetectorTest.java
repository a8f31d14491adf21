package io.aestream.adaptive;

import io.aestream.scoring.Activation;
import io.aestream.scoring.DenseNetwork;
import io.aestream.scoring.Distribution;
import io.aestream.scoring.FrameScore;
import io.aestream.scoring.Normalizer;
import io.aestream.scoring.Scorer;
import io.aestream.scoring.Threshold;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdaptiveDetectorTest {
    private static final int D = 6;
    private static final Normalizer NORMALIZER = new Normalizer.Standardize(new double[D], filled(2.0));
    private static final Threshold THRESHOLD = new Threshold(0.05, "quantile", Map.of("q", 0.99));
    private static final DenseNetwork TRAINED = new FineTuner(Distribution.GAUSSIAN).fineTune(
            TestNetworks.random(1, Activation.TANH, Activation.IDENTITY, D, 4, 2, 4, D),
            scaled(TestNetworks.lowRankFrames(2, 600, D, 0.05), 0.5), new FineTuneConfig(40, 1e-2, 32, 3));
    private static final FineTuneSchedule FINE_TUNING =
            new FineTuneSchedule(300, 40, 256, 128, 0.25, 0.02, new FineTuneConfig(5, 5e-3, 32, 17));

    private static AdaptiveDetector detector(AdaptiveConfig config, FineTuneWorker worker) {
        return new AdaptiveDetector(TRAINED, NORMALIZER, Distribution.GAUSSIAN, THRESHOLD, "1.0.0", config, worker);
    }

    @Test
    void shouldReproduceBundleScorerWhenConfigIsFixed() {
        // Given the fixed config and the plain scorer over the same bundle parts
        AdaptiveDetector det = detector(AdaptiveConfig.fixed(), FineTuneWorker.inline());
        Scorer scorer = new Scorer(TRAINED, NORMALIZER, Distribution.GAUSSIAN);
        AdaptiveState state = det.newState();

        // When both score drifting frames
        for (double[] x : driftingFrames(500)) {
            AdaptiveResult r = det.step(state, x, 0);
            FrameScore expected = scorer.score(x);

            // Then scores, reconstructions and flags are identical
            assertThat(r.score()).isEqualTo(expected.score());
            assertThat(r.reconstruction()).containsExactly(expected.reconstruction());
            assertThat(r.anomaly()).isEqualTo(THRESHOLD.exceededBy(expected.score()));
            assertThat(r.threshold()).isEqualTo(THRESHOLD.value());
            assertThat(r.modelVersion()).isEqualTo("1.0.0");
        }
    }

    static Stream<AdaptiveConfig> configs() {
        AdaptiveConfig tuned = AdaptiveConfig.defaults().withFineTuning(FINE_TUNING);
        return Stream.of(tuned,
                tuned.withThreshold(new SpotThresholdConfig(1e-2, 0.9, 200, 100, 0)).withFlagRule(FlagRule.ADAPTIVE_THRESHOLD)
                        .withSuppressFrames(10),
                tuned.withThreshold(new SpotThresholdConfig(1e-2, 0.9, 200, 100, 30)).withFlagRule(FlagRule.ADAPTIVE_THRESHOLD),
                tuned.withThreshold(new DynamicThresholdConfig(100, 10, 2, 10, 0.5, 0.13, 50))
                        .withFlagRule(FlagRule.ADAPTIVE_THRESHOLD).withSuppressFrames(5),
                tuned.withSuppressFrames(20));
    }

    @ParameterizedTest
    @MethodSource("configs")
    void shouldEmitIdenticalResultsWhenStreamRoundTripsStateAndTrainsInBackground(AdaptiveConfig config) {
        // Given adaptive detection with fine-tuning on, run as a backtest (inline worker, state in memory) ...
        List<double[]> frames = driftingFrames(1500);
        List<AdaptiveResult> backtest = new ArrayList<>();
        AdaptiveDetector offline = detector(config, FineTuneWorker.inline());
        AdaptiveState state = offline.newState();
        for (int t = 0; t < frames.size(); t++) {
            backtest.add(offline.step(state, frames.get(t), t));
        }

        // ... and as the stream does it (background worker, state through bytes on every frame)
        List<AdaptiveResult> stream = new ArrayList<>();
        try (FineTuneWorker background = FineTuneWorker.background(1)) {
            AdaptiveDetector online = detector(config, background);
            byte[] stored = online.newState().toBytes();
            for (int t = 0; t < frames.size(); t++) {
                AdaptiveState s = AdaptiveState.fromBytes(stored);
                stream.add(online.step(s, frames.get(t), t));
                stored = s.toBytes();
            }
        }

        // Then every output is identical, fine-tunes included, and they switched at the scheduled frames
        for (int t = 0; t < frames.size(); t++) {
            assertSame(stream.get(t), backtest.get(t));
        }
        List<Long> switches = backtest.stream().filter(r -> r.fineTune() != null).map(AdaptiveResult::frameIndex).toList();
        assertThat(switches).containsExactly(339L, 639L, 939L, 1239L);
        assertThat(backtest.get(frames.size() - 1).modelVersion()).startsWith("1.0.0+ft");
    }

    @Test
    void shouldKeepModelWhenTunedWeightsValidateWorse() {
        // Given frames from the training distribution (fixed normalization maps them onto it exactly), where the
        // model is already fitted, and a learning rate so large that tuning can only wreck it
        FineTuneSchedule wild = new FineTuneSchedule(300, 1, 256, 128, 0.25, 0.0, new FineTuneConfig(5, 0.9, 8, 1));
        AdaptiveConfig config = AdaptiveConfig.fixed().withFineTuning(wild);
        AdaptiveDetector det = detector(config, FineTuneWorker.inline());
        AdaptiveState state = det.newState();

        // When the first job is due
        AdaptiveResult switched = null;
        for (double[] x : TestNetworks.lowRankFrames(2, 301, D, 0.05)) {
            AdaptiveResult r = det.step(state, x, 0);
            switched = r.fineTune() != null ? r : switched;
        }

        // Then it was rejected and the bundle's version stays live
        assertThat(switched).isNotNull();
        assertThat(switched.frameIndex()).isEqualTo(300);
        assertThat(switched.fineTune().accepted()).isFalse();
        assertThat(switched.fineTune().validationLossAfter()).isGreaterThan(switched.fineTune().validationLossBefore());
        assertThat(switched.modelVersion()).isEqualTo("1.0.0");
        assertThat(state.revision()).isZero();
    }

    @Test
    void shouldSwitchToTunedModelWhenItValidatesBetter() {
        // Given drifting frames the bundle's model no longer fits well, and a sensible fine-tuning schedule
        AdaptiveDetector det = detector(AdaptiveConfig.defaults().withFineTuning(FINE_TUNING), FineTuneWorker.inline());
        AdaptiveState state = det.newState();

        // When the first job is due
        AdaptiveResult switched = null;
        for (double[] x : driftingFrames(340)) {
            switched = det.step(state, x, 0);
        }

        // Then the tuned weights went live at the scheduled frame under a new sub-version
        assertThat(switched.fineTune()).isNotNull();
        assertThat(switched.fineTune().accepted()).isTrue();
        assertThat(switched.fineTune().validationLossAfter()).isLessThan(switched.fineTune().validationLossBefore());
        assertThat(switched.modelVersion()).isEqualTo("1.0.0+ft1");
    }

    @Test
    void shouldRejectStateWhenBytesAreCorruptOrUnknown() {
        byte[] bytes = detector(AdaptiveConfig.defaults(), FineTuneWorker.inline()).newState().toBytes();
        byte[] future = bytes.clone();
        future[0] = 9;

        assertThatThrownBy(() -> AdaptiveState.fromBytes(future)).hasMessageContaining("unknown version 9");
        assertThatThrownBy(() -> AdaptiveState.fromBytes(Arrays.copyOf(bytes, bytes.length - 3)))
                .hasMessageContaining("truncated");
        assertThatThrownBy(() -> AdaptiveState.fromBytes(Arrays.copyOf(bytes, bytes.length + 2)))
                .hasMessageContaining("trailing bytes");
    }

    @Test
    void shouldSuppressFlagsForTheConfiguredFramesAfterEachFlag() {
        // Given a threshold every frame exceeds, and a suppression of 4 frames after a flag
        AdaptiveDetector det = new AdaptiveDetector(TRAINED, NORMALIZER, Distribution.GAUSSIAN,
                new Threshold(0, "quantile", Map.of()), "1.0.0", AdaptiveConfig.fixed().withSuppressFrames(4), FineTuneWorker.inline());
        byte[] stored = det.newState().toBytes();
        List<Long> flagged = new ArrayList<>();

        // When 23 frames are scored, the state going through bytes as in the stream
        for (double[] x : driftingFrames(23)) {
            AdaptiveState s = AdaptiveState.fromBytes(stored);
            AdaptiveResult r = det.step(s, x, 0);
            stored = s.toBytes();
            if (r.anomaly()) {
                flagged.add(r.frameIndex());
            }
        }

        // Then one flag opens each span of five frames
        assertThat(flagged).containsExactly(0L, 5L, 10L, 15L, 20L);
    }

    @Test
    void shouldRejectFrameWhenWidthDiffers() {
        AdaptiveDetector det = detector(AdaptiveConfig.defaults(), FineTuneWorker.inline());
        assertThatThrownBy(() -> det.step(det.newState(), new double[3], 0)).hasMessageContaining("expected 6 features, found 3");
    }

    private static void assertSame(AdaptiveResult a, AdaptiveResult b) {
        assertThat(a.frameIndex()).isEqualTo(b.frameIndex());
        assertThat(a.score()).as("score at %d", a.frameIndex()).isEqualTo(b.score());
        assertThat(a.likelihood()).isEqualTo(b.likelihood());
        assertThat(a.threshold()).isEqualTo(b.threshold());
        assertThat(a.anomaly()).isEqualTo(b.anomaly());
        assertThat(a.reconstruction()).containsExactly(b.reconstruction());
        assertThat(a.modelVersion()).isEqualTo(b.modelVersion());
        assertThat(a.fineTune() == null).isEqualTo(b.fineTune() == null);
        if (a.fineTune() != null) {
            assertThat(a.fineTune().accepted()).isEqualTo(b.fineTune().accepted());
            assertThat(a.fineTune().network()).isEqualTo(b.fineTune().network());
        }
    }

    private static List<double[]> driftingFrames(int n) {
        return TestNetworks.driftingFrames(8, n, D);
    }

    private static double[] filled(double v) {
        double[] a = new double[D];
        Arrays.fill(a, v);
        return a;
    }

    private static double[][] scaled(double[][] x, double s) {
        for (double[] row : x) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= s;
            }
        }
        return x;
    }
}
