package io.aestream.adaptive;

import io.aestream.bundle.ModelBundle;
import io.aestream.frame.AudioFeature;
import io.aestream.frame.AudioFrameSpec;
import io.aestream.frame.WindowFunction;
import io.aestream.scoring.Activation;
import io.aestream.scoring.Distribution;
import io.aestream.scoring.Normalizer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BacktestTest {
    private static final int D = 6;
    private static final Normalizer NORMALIZER = new Normalizer.Standardize(new double[D], filled(2.0));
    private static final ModelBundle BUNDLE = TestNetworks.bundle(new FineTuner(Distribution.GAUSSIAN).fineTune(
            TestNetworks.random(1, Activation.TANH, Activation.IDENTITY, D, 4, 2, 4, D),
            TestNetworks.lowRankFrames(2, 400, D, 0.05), new FineTuneConfig(20, 1e-2, 32, 3)), NORMALIZER, 0.05);
    static final AdaptiveConfig CONFIG = AdaptiveConfig.defaults()
            .withNormalization(new NormalizationConfig(1.0, 100, 30))
            .withLikelihood(new LikelihoodConfig(5, 200, 50, 1e-3))
            .withThreshold(new QuantileThresholdConfig(0.99, 500, 0.02, 1.0, 50))
            .withFineTuning(new FineTuneSchedule(100, 10, 128, 64, 0.25, 0.02, new FineTuneConfig(5, 5e-3, 32, 17)));

    @Test
    void shouldEqualOneFreshDetectorPerKeyWhenKeysInterleave() {
        // Given two keys' drifting frames, interleaved unevenly
        List<double[]> a = TestNetworks.driftingFrames(4, 400, D);
        List<double[]> b = TestNetworks.driftingFrames(5, 300, D);
        List<Backtest.Frame> frames = new ArrayList<>();
        for (int i = 0, j = 0; i < a.size() || j < b.size(); ) {
            if (i < a.size()) {
                frames.add(new Backtest.Frame("a", i, a.get(i++)));
            }
            if (j < b.size() && i % 3 != 0) {
                frames.add(new Backtest.Frame("b", j, b.get(j++)));
            }
        }

        // When replayed together
        List<AdaptiveResult> replayed = Backtest.replay(BUNDLE, CONFIG, frames);

        // Then each key's results are those of its own detector from a fresh state, fine-tunes included
        List<AdaptiveResult> expectedA = alone(a);
        List<AdaptiveResult> expectedB = alone(b);
        assertThat(replayed).hasSize(frames.size());
        int i = 0;
        int j = 0;
        for (int k = 0; k < frames.size(); k++) {
            AdaptiveResult expected = frames.get(k).key().equals("a") ? expectedA.get(i++) : expectedB.get(j++);
            assertThat(replayed.get(k)).usingRecursiveComparison().isEqualTo(expected);
        }
        assertThat(expectedA).extracting(AdaptiveResult::modelVersion).contains("1.0.0", "1.0.0+ft1");
    }

    @Test
    void shouldRejectBundleWhenLayoutIsAudio() {
        AudioFrameSpec spec = new AudioFrameSpec(8000, 16, 8, WindowFunction.HANN, AudioFeature.LOG_MAGNITUDE, 0);
        ModelBundle audio = TestNetworks.bundle(spec, TestNetworks.random(1, Activation.TANH, Activation.IDENTITY,
                spec.inputSize(), 2, spec.inputSize()), new Normalizer.Identity(spec.inputSize()), 1.0);

        assertThatThrownBy(() -> new Backtest(audio, CONFIG)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("vector and window layouts, not audio");
    }

    private static List<AdaptiveResult> alone(List<double[]> frames) {
        AdaptiveDetector detector = AdaptiveDetector.forBundle(BUNDLE, CONFIG, FineTuneWorker.inline());
        AdaptiveState state = detector.newState();
        List<AdaptiveResult> out = new ArrayList<>();
        for (int t = 0; t < frames.size(); t++) {
            out.add(detector.step(state, frames.get(t), t));
        }
        return out;
    }

    private static double[] filled(double v) {
        double[] a = new double[D];
        Arrays.fill(a, v);
        return a;
    }
}
