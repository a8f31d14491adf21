package io.aestream.stream.topology;

import io.aestream.stream.TestBundles;
import io.aestream.stream.config.Settings;
import io.aestream.stream.message.DenoisedMessage;
import io.aestream.stream.message.EventMessage;
import io.aestream.stream.message.ScoreMessage;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class VectorTopologyTest {
    @TempDir
    Path tmp;
    private DriverFixture fx;

    @BeforeEach
    void setUp() throws IOException {
        fx = new DriverFixture(TestBundles.vector(tmp.resolve("bundle")), tmp.resolve("state"), Map.of());
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void shouldScoreAndDenoiseFrameWhenJsonIsValid() {
        // Given a frame off the model's subspace: c = 4 is 2 std above its mean
        // When
        fx.sendJson("s1", "{\"ts\": 1000, \"values\": [2.0, 4.0, 4.0]}");
        // Then score = (2² + 0 + 0) / 3 for the dropped third feature; denoised puts c back on its mean
        ScoreMessage score = fx.scores().get(0);
        assertThat(score.ts()).isEqualTo(1000);
        assertThat(score.key()).isEqualTo("s1");
        assertThat(score.score()).isCloseTo(4.0 / 3, within(1e-12));
        assertThat(score.threshold()).isEqualTo(0.5);
        assertThat(score.anomaly()).isTrue();
        assertThat(score.likelihood()).isNull();
        assertThat(score.modelVersion()).isEqualTo(TestBundles.VERSION);
        // a and b are reconstructed exactly: a term of 0 explains nothing, so only c is named
        assertThat(score.topFeatures()).extracting(ScoreMessage.FeatureError::name).containsExactly("c");
        assertThat(score.topFeatures().get(0).error()).isCloseTo(4.0, within(1e-12));
        DenoisedMessage denoised = fx.denoised().get(0);
        assertThat(denoised.values()).containsExactly(new double[] {2.0, 4.0, 3.0}, within(1e-12));
        assertThat(denoised.key()).isEqualTo("s1");
        assertThat(denoised.ts()).isEqualTo(1000);
    }

    @Test
    void shouldNotFlagFrameWhenErrorBelowThreshold() {
        fx.sendJson("s1", "{\"ts\": 1000, \"values\": [0.5, 1.0, 3.1]}");
        ScoreMessage score = fx.scores().get(0);
        assertThat(score.score()).isCloseTo(0.04 / 3, within(1e-12));
        assertThat(score.anomaly()).isFalse();
    }

    @Test
    void shouldTakeTimestampFromIsoTextOrRecordWhenTsIsTextOrMissing() {
        fx.sendJson("s1", "{\"ts\": \"2025-03-01T13:00:00+01:00\", \"values\": [1, 2, 3]}");
        fx.sendJson("s1", "{\"values\": [1, 2, 3]}");
        assertThat(fx.scores()).extracting(ScoreMessage::ts)
                .containsExactly(DriverFixture.T0.toEpochMilli(), DriverFixture.T0.toEpochMilli());
    }

    @Test
    void shouldOpenEventAfterTwoFlaggedFramesAndCloseAfterTwoClean() {
        // Given open-after 2, close-after 2; c = 5 scores 16/3, c = 3 scores 0
        double[] c = {3, 5, 3, 5, 6, 5, 3, 5, 3, 3, 3};
        // When
        for (int i = 0; i < c.length; i++) {
            fx.sendJson("s1", "{\"ts\": " + (1000 + i) + ", \"values\": [1, 2, " + c[i] + "]}");
        }
        // Then one event: opened at the run starting at frame 3, closed two clean frames after its last flag (frame 7)
        List<EventMessage> events = fx.anomalies();
        assertThat(events).hasSize(2);
        EventMessage opened = events.get(0);
        assertThat(opened.phase()).isEqualTo("opened");
        assertThat(opened.start()).isEqualTo(1003);
        assertThat(opened.end()).isNull();
        assertThat(opened.durationMs()).isNull();
        assertThat(opened.peakScore()).isCloseTo(36.0 / 3, within(1e-9));
        assertThat(opened.peakTs()).isEqualTo(1004);
        EventMessage closed = events.get(1);
        assertThat(closed.phase()).isEqualTo("closed");
        assertThat(closed.start()).isEqualTo(1003);
        assertThat(closed.end()).isEqualTo(1007);
        assertThat(closed.durationMs()).isEqualTo(4);
        assertThat(closed.frames()).isEqualTo(5);
        assertThat(closed.key()).isEqualTo("s1");
        assertThat(closed.modelVersion()).isEqualTo(TestBundles.VERSION);
        assertThat(fx.registry.get("aestream.events.opened").counter().count()).isEqualTo(1);
        assertThat(fx.registry.get("aestream.events.closed").counter().count()).isEqualTo(1);
        assertThat(fx.registry.get("aestream.events.open").gauge().value()).isZero();
        assertThat(fx.registry.get("aestream.anomalies").counter().count()).isEqualTo(5);
    }

    @Test
    void shouldKeepHysteresisPerKeyWhenKeysInterleave() {
        // Given two keys each with one flagged frame, interleaved: neither reaches open-after 2 on its own
        fx.sendJson("s1", "{\"ts\": 1, \"values\": [1, 2, 5]}");
        fx.sendJson("s2", "{\"ts\": 2, \"values\": [1, 2, 5]}");
        fx.sendJson("s1", "{\"ts\": 3, \"values\": [1, 2, 3]}");
        fx.sendJson("s2", "{\"ts\": 4, \"values\": [1, 2, 5]}");
        // Then only s2 opens an event, and only s2's hysteresis state is stored
        assertThat(fx.anomalies()).extracting(EventMessage::key, EventMessage::phase).containsExactly(
                org.assertj.core.groups.Tuple.tuple("s2", "opened"));
        var store = fx.driver.<String, io.aestream.scoring.EventState>getKeyValueStore(TopologyFactory.EVENT_STORE);
        assertThat(store.get("s1")).isNull();
        assertThat(store.get("s2").open()).isTrue();
        assertThat(fx.registry.get("aestream.events.open").gauge().value()).isEqualTo(1);
    }

    @Test
    void shouldReadFloat32RowsWhenInputFormatIsBinary() throws IOException {
        // Given a driver reading binary input
        fx.close();
        fx = new DriverFixture(TestBundles.vector(tmp.resolve("bundle2")), tmp.resolve("state2"),
                Map.of(Settings.INPUT_FORMAT, "binary"));
        byte[] row = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putFloat(2f).putFloat(4f).putFloat(4f).array();
        // When
        fx.send("s1", row, new RecordHeaders());
        // Then the frame is scored with the record's timestamp
        ScoreMessage score = fx.scores().get(0);
        assertThat(score.score()).isCloseTo(4.0 / 3, within(1e-12));
        assertThat(score.ts()).isEqualTo(DriverFixture.T0.toEpochMilli());
    }

    @Test
    void shouldCountFramesAndOutputsWhenFramesAreScored() {
        fx.sendJson("s1", "{\"ts\": 1, \"values\": [1, 2, 3]}");
        fx.sendJson("s1", "{\"ts\": 2, \"values\": [1, 2]}");
        assertThat(fx.registry.get("aestream.frames.consumed").tag("layout", "vector").counter().count()).isEqualTo(2);
        assertThat(fx.registry.get("aestream.frames.scored").tag("layout", "vector").counter().count()).isEqualTo(1);
        assertThat(fx.registry.get("aestream.records.produced").tag("output", "scores").counter().count()).isEqualTo(1);
        assertThat(fx.registry.get("aestream.records.produced").tag("output", "denoised").counter().count()).isEqualTo(1);
        assertThat(fx.registry.get("aestream.records.produced").tag("output", "dead-letter").counter().count()).isEqualTo(1);
        assertThat(fx.registry.get("aestream.reconstruction.error").summary().count()).isEqualTo(1);
        assertThat(fx.registry.get("aestream.inference").timer().count()).isEqualTo(1);
    }

    @Test
    void shouldProduceOnlyScoresAndKeepNoEventStateWhenOutputsAreScoresOnly() throws IOException {
        // Given a driver with AESTREAM_OUTPUTS=scores
        fx.close();
        fx = new DriverFixture(TestBundles.vector(tmp.resolve("bundle3")), tmp.resolve("state3"),
                Map.of(Settings.OUTPUTS, "scores"));
        // When flagged frames that would open an event arrive
        for (int i = 0; i < 4; i++) {
            fx.sendJson("s1", "{\"ts\": " + i + ", \"values\": [1, 2, 5]}");
        }
        // Then every frame is scored, and no other output or hysteresis exists
        assertThat(fx.scores()).hasSize(4).allMatch(ScoreMessage::anomaly);
        assertThat(fx.denoised).isNull();
        assertThat(fx.anomalies).isNull();
        assertThat(fx.driver.getAllStateStores()).isEmpty();
        assertThat(fx.registry.get("aestream.records.produced").tag("output", "denoised").counter().count()).isZero();
        assertThat(fx.registry.get("aestream.events.opened").counter().count()).isZero();
    }

    @Test
    void shouldProduceDenoisedAndEventsWithoutScoresWhenScoresAreNotSelected() throws IOException {
        fx.close();
        fx = new DriverFixture(TestBundles.vector(tmp.resolve("bundle4")), tmp.resolve("state4"),
                Map.of(Settings.OUTPUTS, "denoised,anomalies"));
        for (int i = 0; i < 2; i++) {
            fx.sendJson("s1", "{\"ts\": " + i + ", \"values\": [2.0, 4.0, 5.0]}");
        }
        assertThat(fx.scores).isNull();
        assertThat(fx.denoised()).hasSize(2).allSatisfy(d -> assertThat(d.values()).containsExactly(new double[] {2.0, 4.0, 3.0},
                within(1e-12)));
        assertThat(fx.anomalies()).extracting(EventMessage::phase).containsExactly("opened");
    }

    @Test
    void shouldWriteTheSameScoresAndDenoisedValuesWhenOutputFormatIsBinary() throws IOException {
        // Given a driver writing binary outputs
        fx.close();
        fx = new DriverFixture(TestBundles.vector(tmp.resolve("bundle5")), tmp.resolve("state5"),
                Map.of(Settings.OUTPUT_FORMAT, "binary"));
        // When the frame of the JSON test arrives
        fx.sendJson("s1", "{\"ts\": 1000, \"values\": [2.0, 4.0, 4.0]}");
        // Then the values decode to what the JSON output says
        ScoreMessage score = io.aestream.stream.message.BinaryMessages.readScore("s1", fx.scores.readValue(), List.of("a", "b", "c"));
        assertThat(score.ts()).isEqualTo(1000);
        assertThat(score.score()).isCloseTo(4.0 / 3, within(1e-12));
        assertThat(score.anomaly()).isTrue();
        assertThat(score.likelihood()).isNull();
        assertThat(score.modelVersion()).isEqualTo(TestBundles.VERSION);
        assertThat(score.topFeatures()).extracting(ScoreMessage.FeatureError::name).containsExactly("c");
        DenoisedMessage denoised = io.aestream.stream.message.BinaryMessages.readDenoised("s1", fx.denoised.readValue());
        assertThat(denoised.values()).containsExactly(new double[] {2.0, 4.0, 3.0}, within(1e-12));
        assertThat(denoised.ts()).isEqualTo(1000);
    }
}
