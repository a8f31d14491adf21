package io.aestream.stream.topology;

import io.aestream.adaptive.AdaptiveConfig;
import io.aestream.adaptive.AdaptiveResult;
import io.aestream.adaptive.Backtest;
import io.aestream.adaptive.DynamicThresholdConfig;
import io.aestream.adaptive.FlagRule;
import io.aestream.adaptive.SpotThresholdConfig;
import io.aestream.bundle.ModelBundle;
import io.aestream.frame.VectorFrameSpec;
import io.aestream.frame.WindowAssembler;
import io.aestream.frame.WindowFrameSpec;
import io.aestream.frame.WindowState;
import io.aestream.stream.TestBundles;
import io.aestream.stream.config.Settings;
import io.aestream.stream.message.DenoisedMessage;
import io.aestream.stream.message.ScoreMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stream's adaptive outputs equal the offline {@link Backtest} on the same input, exactly: what a backtest
 * predicts is what the stream emits, fine-tuning (on a background worker in the stream, inline offline) included.
 */
class AdaptiveParityTest {
    @TempDir
    Path tmp;

    /** Every adaptive threshold kind, the likelihood flag rule, and alert suppression, each with fine-tuning on. */
    static Stream<AdaptiveConfig> configs() {
        AdaptiveConfig tuned = AdaptiveSignals.QUICK.withFineTuning(AdaptiveSignals.FINE_TUNING);
        return Stream.of(tuned,
                tuned.withSuppressFrames(4),
                tuned.withThreshold(new SpotThresholdConfig(2e-2, 0.9, 30, 40, 0)).withFlagRule(FlagRule.ADAPTIVE_THRESHOLD)
                        .withSuppressFrames(3),
                tuned.withThreshold(new SpotThresholdConfig(2e-2, 0.9, 30, 40, 8)).withFlagRule(FlagRule.ADAPTIVE_THRESHOLD),
                tuned.withThreshold(new DynamicThresholdConfig(40, 3, 2, 8, 0.5, 0.13, 20)).withFlagRule(FlagRule.ADAPTIVE_THRESHOLD)
                        .withSuppressFrames(2));
    }

    @ParameterizedTest
    @MethodSource("configs")
    void shouldEqualBacktestWhenLayoutIsVectorAndKeysInterleave(AdaptiveConfig config) throws IOException {
        // Given three keys' frames, a level shift in k1, interleaved as they arrive
        ModelBundle bundle = TestBundles.random(tmp.resolve("b"), new VectorFrameSpec(List.of("a", "b", "c", "d", "e")), 31);
        List<List<double[]>> perKey = List.of(AdaptiveSignals.frames(10, 60, 5, -1, -1),
                AdaptiveSignals.frames(11, 60, 5, 50, 56), AdaptiveSignals.frames(12, 60, 5, -1, -1));
        List<Backtest.Frame> frames = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            for (int k = 0; k < perKey.size(); k++) {
                frames.add(new Backtest.Frame("k" + k, 1000 + i, perKey.get(k).get(i)));
            }
        }

        // When streamed, and replayed offline
        List<ScoreMessage> scores;
        List<DenoisedMessage> denoised;
        try (DriverFixture fx = fixture(bundle, config)) {
            frames.forEach(f -> fx.sendJson(f.key(), AdaptiveSignals.json(f.ts(), f.values())));
            scores = fx.scores();
            denoised = fx.denoised();
        }
        List<AdaptiveResult> expected = Backtest.replay(bundle, config, frames);

        // Then every output equals the backtest's, and the run covered fine-tune switches and flags
        assertEqual(scores, denoised, frames, expected, 5);
        assertCovered(scores, bundle, config);
        assertThat(scores).extracting(ScoreMessage::anomaly).contains(true);
    }

    @ParameterizedTest
    @MethodSource("configs")
    void shouldEqualBacktestOverAssembledWindowsWhenLayoutIsWindow(AdaptiveConfig config) throws IOException {
        // Given two keys' rows, and the frames the shared WindowAssembler makes of them offline
        WindowFrameSpec spec = TestBundles.windowSpec();
        ModelBundle bundle = TestBundles.random(tmp.resolve("b"), spec, 32);
        List<List<double[]>> rows = List.of(AdaptiveSignals.frames(13, 96, 2, 80, 86), AdaptiveSignals.frames(14, 96, 2, -1, -1));
        WindowAssembler assembler = new WindowAssembler(spec);
        Map<String, WindowState> windows = new HashMap<>();
        List<Backtest.Frame> frames = new ArrayList<>();

        // When the rows are streamed, and their frames replayed offline
        List<ScoreMessage> scores;
        List<DenoisedMessage> denoised;
        try (DriverFixture fx = fixture(bundle, config)) {
            for (int i = 0; i < 96; i++) {
                for (int k = 0; k < rows.size(); k++) {
                    String key = "w" + k;
                    double[] row = rows.get(k).get(i);
                    fx.sendJson(key, AdaptiveSignals.json(i, row));
                    double[] frame = assembler.push(windows.computeIfAbsent(key, x -> WindowState.empty(spec)), row);
                    if (frame != null) {
                        frames.add(new Backtest.Frame(key, i, frame));
                    }
                }
            }
            scores = fx.scores();
            denoised = fx.denoised();
        }
        List<AdaptiveResult> expected = Backtest.replay(bundle, config, frames);

        // Then every frame's outputs equal the backtest's (denoised: the frame's last row)
        assertEqual(scores, denoised, frames, expected, spec.columns().size());
        assertCovered(scores, bundle, config);
    }

    /**
     * The run reached what the config exercises: a fine-tune switch under the likelihood rule (the adaptive threshold
     * rules flag most of a random bundle's frames, which then never fill the normal buffer), and the adaptive
     * threshold in force after its warm-up.
     */
    private static void assertCovered(List<ScoreMessage> scores, ModelBundle bundle, AdaptiveConfig config) {
        if (config.flagRule() == FlagRule.LIKELIHOOD) {
            assertThat(scores).extracting(ScoreMessage::modelVersion).contains(TestBundles.VERSION + "+ft1");
        } else {
            assertThat(scores).extracting(ScoreMessage::threshold).anySatisfy(t -> assertThat(t)
                    .isNotEqualTo(bundle.manifest().threshold().value()).isFinite());
        }
    }

    private DriverFixture fixture(ModelBundle bundle, AdaptiveConfig config) throws IOException {
        Path file = AdaptiveSignals.write(tmp.resolve("adaptive.json"), config);
        // events as the app opens them under the config's alert suppression (the fixture's 2 would never open one)
        return new DriverFixture(bundle, tmp.resolve("state"), Map.of(Settings.ADAPTIVE, file.toString(),
                Settings.EVENT_OPEN_AFTER, "auto"));
    }

    private static void assertEqual(List<ScoreMessage> scores, List<DenoisedMessage> denoised, List<Backtest.Frame> frames,
                                    List<AdaptiveResult> expected, int denoisedWidth) {
        assertThat(scores).hasSameSizeAs(expected);
        assertThat(denoised).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            AdaptiveResult r = expected.get(i);
            ScoreMessage s = scores.get(i);
            assertThat(s.key()).isEqualTo(frames.get(i).key());
            assertThat(s.ts()).isEqualTo(r.ts());
            assertThat(s.score()).as("score of frame %d", i).isEqualTo(r.score());
            assertThat(s.likelihood()).as("likelihood of frame %d", i).isEqualTo(r.likelihood());
            assertThat(s.threshold()).as("threshold of frame %d", i).isEqualTo(r.threshold());
            assertThat(s.anomaly()).as("flag of frame %d", i).isEqualTo(r.anomaly());
            assertThat(s.modelVersion()).as("version of frame %d", i).isEqualTo(r.modelVersion());
            double[] rec = r.reconstruction();
            assertThat(denoised.get(i).values()).containsExactly(Arrays.copyOfRange(rec, rec.length - denoisedWidth, rec.length));
        }
    }
}
