package io.aestream.stream;

import io.aestream.bundle.ModelBundle;
import io.aestream.scoring.Classification;
import io.aestream.scoring.Classifier;
import io.aestream.stream.config.ConfigLoader;
import io.aestream.stream.config.Settings;
import io.aestream.stream.config.StreamConfig;
import io.aestream.stream.message.EventMessage;
import io.aestream.stream.message.ScoreMessage;
import io.aestream.stream.serde.JsonSerde;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The classifier in the stream against a real KRaft broker: one app with AESTREAM_CLASSIFIER_PATH, restarted in the
 * middle of an event, and one without, fed the same frames. With the classifier, flagged frames' scores and the events
 * carry the class (an event's from the mean over its flagged frames, across the restart, so the sums come back from
 * the event store); without it, every output value is the classifier run's with the class fields taken out.
 */
class ClassifierStreamIT {
    private static final List<String> CLASSES = List.of("high-a", "high-b");
    private static final double[] HEAD = {0.5, 0, 0, 0.5};
    /** Calm, two flagged frames high in a (the event opens), then after the restart one flagged high in b, calm. */
    private static final double[][] FRAMES = {{1, 2, 3}, {5, 2, 6}, {5, 2, 6}, {1, 10, 6}, {1, 2, 3}, {1, 2, 3}, {1, 2, 3}};
    private static final int BEFORE_RESTART = 3;
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration READY = Duration.ofSeconds(40);
    @TempDir
    static Path tmp;
    private static EmbeddedKafka kafka;
    private static ModelBundle model;
    private static ModelBundle classifier;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = EmbeddedKafka.start();
        model = TestBundles.vector(tmp.resolve("model"));
        classifier = TestBundles.classifier(tmp.resolve("classifier"), model, CLASSES, HEAD);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        kafka.close();
    }

    @Test
    void shouldClassifyFlaggedFramesAndEventsAcrossARestartAndChangeNothingWithoutAClassifier() throws Exception {
        // Given an app with the classifier, stopped after the event opened and started again on the same state
        StreamConfig with = config("with", true);
        try (RunningApp app = StreamApp.start(with)) {
            assertThat(app.awaitReady(READY)).isTrue();
            send(with, 0, BEFORE_RESTART);
            assertThat(kafka.read(with.topics().anomalies(), 1, WAIT)).hasSize(1);
        }
        try (RunningApp app = StreamApp.start(with)) {
            assertThat(app.awaitReady(READY)).isTrue();
            send(with, BEFORE_RESTART, FRAMES.length);
            assertThat(kafka.read(with.topics().anomalies(), 2, WAIT)).hasSize(2);
            assertThat(app.registry().get("aestream.events.classified").tag("class", "high-a").counter().count()).isEqualTo(1);
        }
        // and one without it, fed the same frames
        StreamConfig without = config("without", false);
        try (RunningApp app = StreamApp.start(without)) {
            assertThat(app.awaitReady(READY)).isTrue();
            send(without, 0, FRAMES.length);
            assertThat(kafka.read(without.topics().anomalies(), 2, WAIT)).hasSize(2);
        }
        List<byte[]> withScores = values(with.topics().scores(), FRAMES.length);
        List<byte[]> withEvents = values(with.topics().anomalies(), 2);

        // Then flagged frames' scores name the class the offline classifier names, the others none
        Classifier offline = classifier.newClassifier();
        List<ScoreMessage> scores = parse(withScores, ScoreMessage.class);
        assertThat(scores).extracting(ScoreMessage::className).containsExactly(null, "high-a", "high-a", "high-b", null, null, null);
        for (int i = 1; i <= 3; i++) {
            assertThat(scores.get(i).classProbability()).isCloseTo(offline.classify(FRAMES[i]).probability(), within(1e-12));
        }
        // And the closed event's class is the mean over all three flagged frames, two before and one after the restart
        double[] mean = new double[CLASSES.size()];
        for (int i = 1; i <= 3; i++) {
            double[] p = offline.probabilities(FRAMES[i]);
            for (int k = 0; k < mean.length; k++) {
                mean[k] += p[k] / 3;
            }
        }
        Classification expected = Classification.of(CLASSES, mean);
        List<EventMessage> events = parse(withEvents, EventMessage.class);
        assertThat(events).extracting(EventMessage::phase, EventMessage::className)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("opened", "high-a"),
                        org.assertj.core.groups.Tuple.tuple("closed", expected.label()));
        assertThat(events.get(1).classProbability()).isCloseTo(expected.probability(), within(1e-12));
        assertThat(events.get(1).classProbability()).isLessThan(events.get(0).classProbability() - 0.1);
        // And without the classifier every value is byte for byte the classifier run's without the class fields
        assertThat(withScores.stream().map(ClassifierStreamIT::withoutClass).toList())
                .containsExactlyElementsOf(values(without.topics().scores(), FRAMES.length).stream().map(ClassifierStreamIT::utf8).toList());
        assertThat(withEvents.stream().map(ClassifierStreamIT::withoutClass).toList())
                .containsExactlyElementsOf(values(without.topics().anomalies(), 2).stream().map(ClassifierStreamIT::utf8).toList());
    }

    private static StreamConfig config(String name, boolean withClassifier) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put(Settings.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        env.put(Settings.APPLICATION_ID, "classifier-" + name);
        env.put(Settings.MODEL_PATH, model.location().toString());
        if (withClassifier) {
            env.put(Settings.CLASSIFIER_PATH, classifier.location().toString());
        }
        env.put(Settings.STATE_DIR, tmp.resolve("state-" + name).toString());
        env.put(Settings.HTTP_HOST, "127.0.0.1");
        env.put(Settings.HTTP_PORT, "0");
        env.put(Settings.EVENT_OPEN_AFTER, "2");
        env.put(Settings.EVENT_CLOSE_AFTER, "2");
        for (String topic : List.of(Settings.INPUT_TOPIC, Settings.SCORES_TOPIC, Settings.DENOISED_TOPIC, Settings.ANOMALIES_TOPIC,
                Settings.DEAD_LETTER_TOPIC)) {
            env.put(topic, name + "-" + topic.toLowerCase(java.util.Locale.ROOT));
        }
        env.put(Settings.KAFKA_ENV_PREFIX + "COMMIT_INTERVAL_MS", "200");
        StreamConfig config = ConfigLoader.load(env, Map.of());
        kafka.createTopics(1, config.topics().all().toArray(String[]::new));
        return config;
    }

    private static void send(StreamConfig config, int from, int to) {
        try (KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
            for (int i = from; i < to; i++) {
                double[] f = FRAMES[i];
                String json = "{\"ts\": " + (1000 + i) + ", \"values\": [" + f[0] + ", " + f[1] + ", " + f[2] + "]}";
                producer.send(new ProducerRecord<>(config.topics().input(), "pump-1".getBytes(StandardCharsets.UTF_8),
                        json.getBytes(StandardCharsets.UTF_8)));
            }
        }
    }

    private static List<byte[]> values(String topic, int count) {
        List<ConsumerRecord<byte[], byte[]>> records = kafka.read(topic, count, WAIT);
        assertThat(records).as(topic).hasSize(count);
        return records.stream().map(ConsumerRecord::value).toList();
    }

    private static <T> List<T> parse(List<byte[]> values, Class<T> type) {
        var serde = JsonSerde.of(type).deserializer();
        return values.stream().map(v -> serde.deserialize("t", v)).toList();
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String withoutClass(byte[] json) {
        return utf8(json).replaceAll(",\"class\":\"[^\"]*\",\"class_probability\":[-0-9.eE]+", "");
    }
}
