package io.aestream.stream.topology;

import io.aestream.frame.WindowState;
import io.aestream.stream.TestBundles;
import io.aestream.stream.config.Settings;
import io.aestream.stream.message.EventMessage;
import io.aestream.stream.message.DenoisedMessage;
import io.aestream.stream.message.ScoreMessage;
import io.aestream.stream.serde.StateSerdes;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Window layout: rows assembled per key in the window store; a frame every hop rows once the window is full. */
class WindowTopologyTest {
    @TempDir
    Path tmp;

    @Test
    void shouldEmitFrameEveryHopRowsWhenWindowIsFull() throws IOException {
        try (DriverFixture fx = fixture("a")) {
            // When 9 rows arrive for one key (window 4, hop 2)
            sendRows(fx, "k", 1, 9);
            // Then frames complete at rows 4, 6 and 8, timestamped by their last row; denoised is that row's reconstruction
            assertThat(fx.scores()).extracting(ScoreMessage::ts).containsExactly(104L, 106L, 108L);
            List<DenoisedMessage> denoised = fx.denoised();
            assertThat(denoised).extracting(DenoisedMessage::ts).containsExactly(104L, 106L, 108L);
            assertThat(denoised).allSatisfy(d -> assertThat(d.values()).hasSize(2));
            assertThat(fx.registry.get("aestream.frames.consumed").tag("layout", "window").counter().count()).isEqualTo(9);
            assertThat(fx.registry.get("aestream.frames.scored").tag("layout", "window").counter().count()).isEqualTo(3);
        }
    }

    @Test
    void shouldKeepRowsPerKeyInStoreAndChangelogWhenRowsArrive() throws IOException {
        try (DriverFixture fx = fixture("b")) {
            sendRows(fx, "k1", 1, 5);
            sendRows(fx, "k2", 1, 3);
            var store = fx.driver.<String, WindowState>getKeyValueStore(TopologyFactory.WINDOW_STORE);
            assertThat(store.get("k1").rowsSeen()).isEqualTo(5);
            assertThat(store.get("k2").rowsSeen()).isEqualTo(3);
            Map<String, byte[]> changelog = new java.util.HashMap<>();
            fx.driver.createOutputTopic("aestream-" + TopologyFactory.WINDOW_STORE + "-changelog",
                    new ByteArrayDeserializer(), new ByteArrayDeserializer()).readKeyValuesToList()
                    .forEach(kv -> changelog.put(DriverFixture.utf8(kv.key), kv.value));
            assertThat(changelog).containsOnlyKeys("k1", "k2");
            changelog.forEach((k, v) -> assertThat(v).isEqualTo(store.get(k).toBytes()));
        }
    }

    @Test
    void shouldResumeFramingWhenStateIsRestoredIntoNewInstance() throws IOException {
        // Given an uninterrupted run over 10 rows
        List<ScoreMessage> expected;
        try (DriverFixture whole = fixture("c")) {
            sendRows(whole, "k", 1, 10);
            expected = whole.scores();
        }
        // And a run stopped after row 5, its window state restored (as from the changelog) into a fresh instance
        List<ScoreMessage> resumed;
        WindowState saved;
        try (DriverFixture first = fixture("d")) {
            sendRows(first, "k", 1, 5);
            resumed = new java.util.ArrayList<>(first.scores());
            saved = first.driver.<String, WindowState>getKeyValueStore(TopologyFactory.WINDOW_STORE).get("k");
        }
        try (DriverFixture second = fixture("e")) {
            second.driver.<String, WindowState>getKeyValueStore(TopologyFactory.WINDOW_STORE)
                    .put("k", StateSerdes.window().deserializer().deserialize("t", saved.toBytes()));
            // When the remaining rows arrive
            sendRows(second, "k", 6, 10);
            resumed.addAll(second.scores());
        }
        // Then the frames are exactly those of the uninterrupted run
        assertThat(resumed).isEqualTo(expected);
    }

    @Test
    void shouldKeepOneEventOpenByDefaultWhileTheWindowStillHoldsTheAnomalousRows() throws IOException {
        // Given an 8-row window (close-after auto = 8) and two anomalous rows 14 rows apart: each flags the 8 frames
        // whose window holds it, and 6 clean frames lie between the two flagged runs
        for (String closeAfter : List.of("auto", "5")) {
            try (DriverFixture fx = new DriverFixture(TestBundles.window(tmp.resolve("bundle-w" + closeAfter), 8),
                    tmp.resolve("state-w" + closeAfter), Map.of(Settings.EVENT_CLOSE_AFTER, closeAfter))) {
                for (int i = 1; i <= 50; i++) {
                    double c = i == 10 || i == 24 ? 5 : 3;
                    fx.sendJson("k", "{\"ts\": " + i + ", \"values\": [1, 2, " + c + "]}");
                }
                List<EventMessage> events = fx.anomalies();
                if (closeAfter.equals("auto")) {
                    // Then one event from the first flagged frame to the last, closed 8 clean frames later
                    assertThat(events).extracting(EventMessage::phase).containsExactly("opened", "closed");
                    assertThat(events.get(1).start()).isEqualTo(10);
                    assertThat(events.get(1).end()).isEqualTo(31L);
                } else {
                    // Then with 5 the same anomaly rows are reported as two events
                    assertThat(events).extracting(EventMessage::phase).containsExactly("opened", "closed", "opened", "closed");
                }
            }
        }
    }

    @Test
    void shouldOpenAnEventByDefaultOnlyAfterAFifthOfTheFramesThatHoldARow() throws IOException {
        // Given a 20-row window (open-after auto = 4) and an anomalous row 20 (c off by 4 of its scales 0.5: the
        // frame's mean error 64 / 60 is over the threshold 0.5): every frame from it on holds it
        try (DriverFixture fx = new DriverFixture(TestBundles.window(tmp.resolve("bundle-open"), 20),
                tmp.resolve("state-open"), Map.of(Settings.EVENT_OPEN_AFTER, "auto"))) {
            for (int i = 1; i <= 23; i++) {
                fx.sendJson("k", "{\"ts\": " + i + ", \"values\": [1, 2, " + (i == 20 ? 7 : 3) + "]}");
                if (i == 22) {
                    // Then three flagged frames (rows 20-22) open nothing
                    assertThat(fx.anomalies()).isEmpty();
                }
            }
            // Then the fourth opens the event, which starts at the first flagged frame
            List<EventMessage> events = fx.anomalies();
            assertThat(events).extracting(EventMessage::phase).containsExactly("opened");
            assertThat(events.get(0).start()).isEqualTo(20);
        }
    }

    private DriverFixture fixture(String name) throws IOException {
        return new DriverFixture(TestBundles.random(tmp.resolve("bundle-" + name), TestBundles.windowSpec(), 3),
                tmp.resolve("state-" + name), Map.of());
    }

    /** Rows {@code from..to} of a smooth two-column signal; row i at ts 100 + i, the second column as "values". */
    static void sendRows(DriverFixture fx, String key, int from, int to) {
        for (int i = from; i <= to; i++) {
            fx.sendJson(key, "{\"ts\": " + (100 + i) + ", \"values\": [" + Math.sin(i / 3.0) + ", " + Math.cos(i / 5.0) + "]}");
        }
    }
}
