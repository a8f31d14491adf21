package io.aestream.stream.topology;

import io.aestream.adaptive.FineTuneWorker;
import io.aestream.stream.TestBundles;
import io.aestream.stream.config.ConfigLoader;
import io.aestream.stream.config.Output;
import io.aestream.stream.config.Settings;
import io.aestream.stream.metrics.StreamMetrics;
import io.aestream.stream.model.ModelHolder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Node and store names are pinned: changelog topics derive from them, so a rename would orphan state. */
class TopologyDescriptionTest {
    @TempDir
    Path tmp;

    @Test
    void shouldKeepNodeAndStoreNamesWhenLayoutIsWindow() throws IOException {
        Topology topology = build(TestBundles.random(tmp.resolve("b"), TestBundles.windowSpec(), 1).location());
        assertThat(topology.describe().toString())
                .isEqualToIgnoringWhitespace(describedWithStores("event-state, window-state"));
    }

    @Test
    void shouldUseOnlyTheLayoutsStoresWhenLayoutIsVectorOrAudio() throws IOException {
        assertThat(build(TestBundles.vector(tmp.resolve("v")).location()).describe().toString())
                .contains("stores: [event-state]");
        assertThat(build(TestBundles.random(tmp.resolve("a"), TestBundles.audioSpec(), 1).location()).describe().toString())
                .contains("stores: [event-state, audio-state]");
    }

    @Test
    void shouldAddAdaptiveStoreWhenAdaptiveIsOn() throws IOException {
        Topology topology = build(TestBundles.vector(tmp.resolve("v")).location(), "on");
        assertThat(topology.describe().toString())
                .isEqualToIgnoringWhitespace(describedWithStores("event-state, adaptive-state"));
        assertThat(build(TestBundles.random(tmp.resolve("w"), TestBundles.windowSpec(), 1).location(), "on").describe().toString())
                .contains("stores: [event-state, adaptive-state, window-state]");
    }

    @Test
    void shouldHaveOnlyScoresAndDeadLetterSinksAndNoEventStoreWhenOutputsAreScores() throws IOException {
        Topology topology = build(TestBundles.vector(tmp.resolve("v")).location(), "off", "scores");
        assertThat(topology.describe().toString()).isEqualToIgnoringWhitespace("""
                Topologies:
                   Sub-topology: 0
                    Source: frames-source (topics: [aestream-frames])
                      --> frame-processor
                    Processor: frame-processor (stores: [])
                      --> dead-letter-sink, scores-sink
                      <-- frames-source
                    Sink: dead-letter-sink (topic: aestream-dead-letter)
                      <-- frame-processor
                    Sink: scores-sink (topic: aestream-scores)
                      <-- frame-processor
                """);
    }

    @Test
    void shouldAddOnlyACodesSinkWhenCodesAreSelected() throws IOException {
        Path bundle = TestBundles.vector(tmp.resolve("v")).location();
        assertThat(build(bundle, "off", "scores,codes").describe().toString()).isEqualToIgnoringWhitespace("""
                Topologies:
                   Sub-topology: 0
                    Source: frames-source (topics: [aestream-frames])
                      --> frame-processor
                    Processor: frame-processor (stores: [])
                      --> codes-sink, dead-letter-sink, scores-sink
                      <-- frames-source
                    Sink: codes-sink (topic: aestream-codes)
                      <-- frame-processor
                    Sink: dead-letter-sink (topic: aestream-dead-letter)
                      <-- frame-processor
                    Sink: scores-sink (topic: aestream-scores)
                      <-- frame-processor
                """);
        assertThatThrownBy(() -> build(bundle, "on", "scores,codes")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("AESTREAM_OUTPUTS: the codes output needs fixed scoring (AESTREAM_ADAPTIVE=off)");
    }

    private static Topology build(Path bundle) {
        return build(bundle, "off");
    }

    private static Topology build(Path bundle, String adaptive) {
        return build(bundle, adaptive, Output.defaultIds());
    }

    private static Topology build(Path bundle, String adaptive, String outputs) {
        var config = ConfigLoader.load(Map.of(Settings.MODEL_PATH, bundle.toString(), Settings.ADAPTIVE, adaptive,
                Settings.OUTPUTS, outputs), Map.of());
        return TopologyFactory.build(config, ModelHolder.of(io.aestream.bundle.BundleIO.read(bundle)),
                new StreamMetrics(new SimpleMeterRegistry()), FineTuneWorker.inline());
    }

    /** The full pinned description; only the processor's store list differs between layouts and modes. */
    private static String describedWithStores(String stores) {
        return """
                Topologies:
                   Sub-topology: 0
                    Source: frames-source (topics: [aestream-frames])
                      --> frame-processor
                    Processor: frame-processor (stores: [%s])
                      --> anomalies-sink, dead-letter-sink, denoised-sink, scores-sink
                      <-- frames-source
                    Sink: anomalies-sink (topic: aestream-anomalies)
                      <-- frame-processor
                    Sink: dead-letter-sink (topic: aestream-dead-letter)
                      <-- frame-processor
                    Sink: denoised-sink (topic: aestream-denoised)
                      <-- frame-processor
                    Sink: scores-sink (topic: aestream-scores)
                      <-- frame-processor
                """.formatted(stores);
    }
}
