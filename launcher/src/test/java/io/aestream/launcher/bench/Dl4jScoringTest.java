package io.aestream.launcher.bench;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The bench's per-record DL4J reference cuts the app's windows per key before it calls {@code output()}. */
class Dl4jScoringTest {

    @Test
    void shouldScoreOneWindowPerRowOnceAKeysFirstWindowIsFull(@TempDir Path tmp) throws Exception {
        BenchPlan.Layout layout = BenchPlan.Layout.WINDOW;
        Path model = BenchModels.train(layout, tmp.resolve("models"), 300, 1);
        Topology t = new Topology();
        t.addSource("in", new ByteArrayDeserializer(), new ByteArrayDeserializer(), "rows");
        t.addProcessor("dl4j", () -> new Dl4jScoring(model), "in");
        t.addSink("out", "scores", new ByteArraySerializer(), new ByteArraySerializer(), "dl4j");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "dl4j-test");
        props.put(StreamsConfig.STATE_DIR_CONFIG, tmp.resolve("state").toString());
        try (TopologyTestDriver driver = new TopologyTestDriver(t, props)) {
            TestInputTopic<byte[], byte[]> rows = driver.createInputTopic("rows", new ByteArraySerializer(), new ByteArraySerializer());
            TestOutputTopic<byte[], byte[]> scores = driver.createOutputTopic("scores", new ByteArrayDeserializer(),
                    new ByteArrayDeserializer());
            SensorRows data = new SensorRows(layout.columns, 3);
            for (int i = 0; i < layout.window + 2; i++) {
                for (String key : new String[] {"a", "b"}) {
                    rows.pipeInput(key.getBytes(StandardCharsets.UTF_8), SensorRows.json(1000L + i, data.next()));
                }
            }
            // rows 8, 9 and 10 of each key complete a window (window 8, hop 1)
            assertThat(scores.readValuesToList()).hasSize(2 * 3)
                    .allSatisfy(v -> assertThat(new String(v, StandardCharsets.UTF_8)).matches("\\{\"ts\":\\d+,\"score\":[0-9.eE-]+}"));
        }
    }
}
