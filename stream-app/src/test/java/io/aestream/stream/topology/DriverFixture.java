package io.aestream.stream.topology;

import io.aestream.adaptive.FineTuneWorker;
import io.aestream.bundle.ModelBundle;
import io.aestream.stream.config.ConfigLoader;
import io.aestream.stream.config.Output;
import io.aestream.stream.config.Settings;
import io.aestream.stream.config.StreamConfig;
import io.aestream.stream.message.DenoisedMessage;
import io.aestream.stream.message.EventMessage;
import io.aestream.stream.message.ScoreMessage;
import io.aestream.stream.metrics.StreamMetrics;
import io.aestream.stream.model.BundleLoader;
import io.aestream.stream.serde.JsonSerde;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** A {@link TopologyTestDriver} over the app's topology for one bundle, with typed access to every topic. */
final class DriverFixture implements AutoCloseable {
    static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");

    final StreamConfig config;
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final StreamMetrics metrics = new StreamMetrics(registry);
    /** A background worker, as in the app, so tests see fine-tuning run off the stream thread. */
    final FineTuneWorker fineTuning = FineTuneWorker.background(1);
    final TopologyTestDriver driver;
    final TestInputTopic<byte[], byte[]> input;
    final TestOutputTopic<byte[], byte[]> scores;
    final TestOutputTopic<byte[], byte[]> denoised;
    final TestOutputTopic<byte[], byte[]> anomalies;
    final TestOutputTopic<byte[], byte[]> codes;
    final TestOutputTopic<byte[], byte[]> deadLetters;

    DriverFixture(ModelBundle bundle, Path stateDir, Map<String, String> settings) {
        Map<String, String> env = new HashMap<>(Map.of(Settings.MODEL_PATH, bundle.location().toString(),
                Settings.STATE_DIR, stateDir.toString(), Settings.EVENT_OPEN_AFTER, "2", Settings.EVENT_CLOSE_AFTER, "2"));
        env.putAll(settings);
        config = ConfigLoader.load(env, Map.of());
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(TopologyFactory.build(config, BundleLoader.load(config), metrics, fineTuning), props, T0);
        input = driver.createInputTopic(config.topics().input(), new ByteArraySerializer(), new ByteArraySerializer());
        scores = output(config.topics().scores());
        denoised = output(config.topics().denoised());
        anomalies = output(config.topics().anomalies());
        codes = output(config.topics().of(Output.CODES));
        deadLetters = output(config.topics().deadLetter());
    }

    /** Null for an output that is not selected. */
    private TestOutputTopic<byte[], byte[]> output(String topic) {
        return topic == null ? null : driver.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    void sendJson(String key, String json) {
        send(key, json.getBytes(StandardCharsets.UTF_8), new RecordHeaders());
    }

    void send(String key, byte[] value, RecordHeaders headers) {
        input.pipeInput(new TestRecord<>(key == null ? null : key.getBytes(StandardCharsets.UTF_8), value, headers, T0));
    }

    List<ScoreMessage> scores() {
        return parse(scores, ScoreMessage.class);
    }

    List<DenoisedMessage> denoised() {
        return parse(denoised, DenoisedMessage.class);
    }

    List<EventMessage> anomalies() {
        return parse(anomalies, EventMessage.class);
    }

    private static <T> List<T> parse(TestOutputTopic<byte[], byte[]> topic, Class<T> type) {
        var serde = JsonSerde.of(type);
        return topic.readValuesToList().stream().map(v -> serde.deserializer().deserialize(topic.toString(), v)).toList();
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        driver.close();
        fineTuning.close();
    }
}
