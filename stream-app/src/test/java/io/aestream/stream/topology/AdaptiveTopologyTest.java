package io.aestream.stream.topology;

import io.aestream.adaptive.AdaptiveConfig;
import io.aestream.adaptive.AdaptiveState;
import io.aestream.adaptive.AnomalyLikelihood;
import io.aestream.adaptive.FlagRule;
import io.aestream.bundle.ModelBundle;
import io.aestream.frame.VectorFrameSpec;
import io.aestream.stream.TestBundles;
import io.aestream.stream.config.Settings;
import io.aestream.stream.message.DenoisedMessage;
import io.aestream.stream.message.ScoreMessage;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** AESTREAM_ADAPTIVE set: likelihoods, adaptive flags and thresholds, fine-tune switches, per-key state in its store. */
class AdaptiveTopologyTest {
    private static final VectorFrameSpec SPEC = new VectorFrameSpec(List.of("a", "b", "c", "d"));
    @TempDir
    Path tmp;

    @Test
    void shouldEmitLikelihoodAndFlagByLikelihoodWhenRuleIsLikelihood() throws IOException {
        // Given the likelihood flag rule (epsilon 0.01) and a level shift at frames 90..99
        try (DriverFixture fx = fixture("a", AdaptiveSignals.QUICK)) {
            // When 120 frames arrive
            send(fx, "k", AdaptiveSignals.frames(1, 120, 4, 90, 100));
            List<ScoreMessage> scores = fx.scores();

            // Then every frame has a likelihood, neutral during warm-up, and is flagged exactly when its tail reaches 0.01
            assertThat(scores).hasSize(120);
            AnomalyLikelihood likelihood = new AnomalyLikelihood(AdaptiveSignals.QUICK.likelihood());
            assertThat(scores.get(0).likelihood()).isEqualTo(AnomalyLikelihood.NEUTRAL);
            assertThat(scores).allSatisfy(s -> {
                assertThat(s.likelihood()).isBetween(0.0, 1.0);
                assertThat(s.anomaly()).isEqualTo(likelihood.flags(s.likelihood()));
                assertThat(s.modelVersion()).isEqualTo(TestBundles.VERSION);
            });
            // And the shift is flagged and opens an event, while the slow drift before it is not
            assertThat(scores.subList(0, 90)).noneMatch(ScoreMessage::anomaly);
            assertThat(scores.subList(90, 100)).anyMatch(ScoreMessage::anomaly);
            assertThat(fx.anomalies()).first().satisfies(e -> {
                assertThat(e.phase()).isEqualTo("opened");
                assertThat(e.start()).isBetween(90L, 99L);
            });
            // And the threshold in force is the bundle's during warm-up, then the key's quantile
            assertThat(scores.get(0).threshold()).isEqualTo(1.0);
            assertThat(scores.get(119).threshold()).isNotEqualTo(1.0);
            assertThat(fx.registry.get("aestream.anomaly.likelihood").summary().count()).isEqualTo(120);
            assertThat(fx.registry.get("aestream.anomalies").counter().count())
                    .isEqualTo(scores.stream().filter(ScoreMessage::anomaly).count());
        }
    }

    @Test
    void shouldOpenAnEventOnEachAlertByDefaultWhenAlertsAreSuppressed() throws IOException {
        // Given alert suppression (20 frames after each flag) and open-after left to the detection (auto)
        AdaptiveConfig suppressing = AdaptiveSignals.QUICK.withSuppressFrames(20);
        Path file = AdaptiveSignals.write(tmp.resolve("adaptive-s.json"), suppressing);
        ModelBundle bundle = TestBundles.random(tmp.resolve("bundle-s"), SPEC, 21);
        try (DriverFixture fx = new DriverFixture(bundle, tmp.resolve("state-s"),
                Map.of(Settings.ADAPTIVE, file.toString(), Settings.EVENT_OPEN_AFTER, "auto"))) {
            // When a level shift arrives at frames 90..99
            send(fx, "k", AdaptiveSignals.frames(1, 120, 4, 90, 100));
            List<ScoreMessage> scores = fx.scores();
            // Then its flags stand alone, and the first of them opens an event
            for (int i = 1; i < scores.size(); i++) {
                assertThat(scores.get(i).anomaly() && scores.get(i - 1).anomaly()).as("flags at %d and %d", i - 1, i).isFalse();
            }
            assertThat(scores.subList(90, 100)).anyMatch(ScoreMessage::anomaly);
            assertThat(fx.anomalies()).first().satisfies(e -> {
                assertThat(e.phase()).isEqualTo("opened");
                assertThat(e.start()).isBetween(90L, 99L);
            });
        }
        // And asking for two flags in a row under suppression fails at startup, naming the setting
        assertThatThrownBy(() -> new DriverFixture(bundle, tmp.resolve("state-s2"),
                Map.of(Settings.ADAPTIVE, file.toString(), Settings.EVENT_OPEN_AFTER, "2")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AESTREAM_EVENT_OPEN_AFTER: adaptive detection suppresses the 20 frames after every flag");
    }

    @Test
    void shouldFlagScoresAboveAdaptiveThresholdWhenRuleIsAdaptiveThreshold() throws IOException {
        try (DriverFixture fx = fixture("b", AdaptiveSignals.QUICK.withFlagRule(FlagRule.ADAPTIVE_THRESHOLD))) {
            send(fx, "k", AdaptiveSignals.frames(2, 80, 4, 60, 70));
            List<ScoreMessage> scores = fx.scores();

            assertThat(scores).hasSize(80).allSatisfy(s -> assertThat(s.anomaly()).isEqualTo(s.score() > s.threshold()));
            assertThat(scores.subList(60, 70)).anyMatch(ScoreMessage::anomaly);
        }
    }

    @Test
    void shouldSwitchModelVersionAtScheduledFrameWhenFineTuningIsOn() throws IOException {
        // Given a job every 40 frames once 32 normal frames are buffered, live 5 frames after its trigger
        try (DriverFixture fx = fixture("c", AdaptiveSignals.QUICK.withFineTuning(AdaptiveSignals.FINE_TUNING))) {
            // When 90 normal frames arrive
            send(fx, "k", AdaptiveSignals.frames(3, 90, 4, -1, -1));
            List<String> versions = fx.scores().stream().map(ScoreMessage::modelVersion).toList();

            // Then the first job (after frame 39) goes live at frame 44, the second (after 79) at frame 84
            assertThat(versions.subList(0, 44)).containsOnly(TestBundles.VERSION);
            assertThat(versions.get(44)).isEqualTo(TestBundles.VERSION + "+ft1");
            assertThat(versions.subList(44, 84)).containsOnly(TestBundles.VERSION + "+ft1");
            assertThat(versions.get(84)).isIn(TestBundles.VERSION + "+ft1", TestBundles.VERSION + "+ft2");
            // And denoised frames carry the version that reconstructed them
            assertThat(fx.denoised()).extracting(DenoisedMessage::modelVersion).isEqualTo(versions);
            double accepted = fx.registry.get("aestream.adaptive.finetunes").tag("outcome", "accepted").counter().count();
            double rejected = fx.registry.get("aestream.adaptive.finetunes").tag("outcome", "rejected").counter().count();
            assertThat(accepted + rejected).isEqualTo(2);
            assertThat(accepted).isEqualTo(versions.get(89).endsWith("+ft2") ? 2 : 1);
        }
    }

    @Test
    void shouldKeepStatePerKeyInStoreAndChangelogWhenFramesArrive() throws IOException {
        try (DriverFixture fx = fixture("d", AdaptiveSignals.QUICK)) {
            send(fx, "k1", AdaptiveSignals.frames(4, 10, 4, -1, -1));
            send(fx, "k2", AdaptiveSignals.frames(5, 7, 4, -1, -1));

            KeyValueStore<String, byte[]> store = fx.driver.getKeyValueStore(TopologyFactory.ADAPTIVE_STORE);
            assertThat(AdaptiveState.fromBytes(store.get("k1")).frames()).isEqualTo(10);
            assertThat(AdaptiveState.fromBytes(store.get("k2")).frames()).isEqualTo(7);
            Map<String, byte[]> changelog = new HashMap<>();
            fx.driver.createOutputTopic("aestream-" + TopologyFactory.ADAPTIVE_STORE + "-changelog",
                    new ByteArrayDeserializer(), new ByteArrayDeserializer()).readKeyValuesToList()
                    .forEach(kv -> changelog.put(DriverFixture.utf8(kv.key), kv.value));
            assertThat(changelog).containsOnlyKeys("k1", "k2");
            changelog.forEach((k, v) -> assertThat(v).isEqualTo(store.get(k)));
        }
    }

    @Test
    void shouldResumeIdenticallyWhenStateIsRestoredWithFineTuneInFlight() throws IOException {
        // Given an uninterrupted run over 60 frames with fine-tuning
        AdaptiveConfig config = AdaptiveSignals.QUICK.withFineTuning(AdaptiveSignals.FINE_TUNING);
        List<double[]> frames = AdaptiveSignals.frames(6, 60, 4, 50, 56);
        List<ScoreMessage> expected;
        try (DriverFixture whole = fixture("e", config)) {
            send(whole, "k", frames);
            expected = whole.scores();
        }
        // And a run stopped after frame 41, between the first job's trigger (39) and its switch (44), whose state
        // is restored (as from the changelog) into a fresh instance whose worker never saw the job
        List<ScoreMessage> resumed;
        byte[] saved;
        try (DriverFixture first = fixture("f", config)) {
            send(first, "k", frames, 0, 42);
            resumed = new ArrayList<>(first.scores());
            saved = first.driver.<String, byte[]>getKeyValueStore(TopologyFactory.ADAPTIVE_STORE).get("k");
        }
        try (DriverFixture second = fixture("g", config)) {
            second.driver.<String, byte[]>getKeyValueStore(TopologyFactory.ADAPTIVE_STORE).put("k", saved);
            // When the remaining frames arrive
            send(second, "k", frames, 42, 60);
            resumed.addAll(second.scores());
        }
        // Then the outputs are exactly those of the uninterrupted run, fine-tune switch included
        assertThat(resumed).isEqualTo(expected);
        assertThat(expected.get(44).modelVersion()).isEqualTo(TestBundles.VERSION + "+ft1");
        assertThat(expected).extracting(ScoreMessage::anomaly).contains(true);
    }

    private DriverFixture fixture(String name, AdaptiveConfig config) throws IOException {
        ModelBundle bundle = TestBundles.random(tmp.resolve("bundle-" + name), SPEC, 21);
        Path file = AdaptiveSignals.write(tmp.resolve("adaptive-" + name + ".json"), config);
        return new DriverFixture(bundle, tmp.resolve("state-" + name), Map.of(Settings.ADAPTIVE, file.toString()));
    }

    /** The frames as JSON records of {@code key}, frame i at ts i. */
    static void send(DriverFixture fx, String key, List<double[]> frames) {
        send(fx, key, frames, 0, frames.size());
    }

    static void send(DriverFixture fx, String key, List<double[]> frames, int from, int to) {
        for (int i = from; i < to; i++) {
            fx.sendJson(key, AdaptiveSignals.json(i, frames.get(i)));
        }
    }
}
