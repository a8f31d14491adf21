package io.aestream.stream;

import io.aestream.stream.config.ConfigLoader;
import io.aestream.stream.config.Settings;
import io.aestream.stream.config.StreamConfig;
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
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A window-layout app with static membership (AESTREAM_KAFKA_GROUP_INSTANCE_ID) and exactly_once_v2 is stopped
 * mid-stream without leaving its group (as a killed pod would be), input keeps arriving, and it is started again with
 * the same identity and state directory. It must resume within 10 s — not after a session timeout — and its scores
 * must equal, frame for frame, those of an uninterrupted app reading the same input: windows that span the stop are
 * assembled from the restored window state, nothing is lost or doubled.
 */
class RestartRecoveryIT {
    private static final int KEYS = 16;
    private static final int ROWS_BEFORE = 101;
    private static final int ROWS_AFTER = 100;
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(10);
    @TempDir
    static Path tmp;
    private static EmbeddedKafka kafka;
    private static Map<String, String> env;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = EmbeddedKafka.start();
        env = new HashMap<>();
        env.put(Settings.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        env.put(Settings.MODEL_PATH, TestBundles.random(tmp.resolve("bundle"), TestBundles.windowSpec(), 7).location().toString());
        env.put(Settings.PROCESSING_GUARANTEE, "exactly_once_v2");
        env.put(Settings.HTTP_HOST, "127.0.0.1");
        env.put(Settings.HTTP_PORT, "0");
        env.put(Settings.INPUT_TOPIC, "restart-frames");
        kafka.createTopics(4, "restart-frames");
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void shouldResumeWithinTenSecondsAndMatchAnUninterruptedRunWhenRestartedWithSameIdentity() throws Exception {
        StreamConfig restarted = app("restarted", Map.of(Settings.KAFKA_ENV_PREFIX + "GROUP_INSTANCE_ID", "aestream-0"));
        StreamConfig reference = app("reference", Map.of());
        try (RunningApp uninterrupted = StreamApp.start(reference)) {
            // Given both apps scoring the first part of every key's rows
            RunningApp first = StreamApp.start(restarted);
            assertThat(first.awaitReady(WAIT)).isTrue();
            assertThat(uninterrupted.awaitReady(WAIT)).isTrue();
            produce(0, ROWS_BEFORE);
            int framesBefore = KEYS * windows(ROWS_BEFORE);
            assertThat(scores(restarted, framesBefore)).hasSize(framesBefore);

            // When the first app stops without leaving the group, rows keep coming, and it starts again
            first.close();
            produce(ROWS_BEFORE, ROWS_AFTER);
            long start = System.nanoTime();
            try (RunningApp second = StreamApp.start(restarted)) {
                List<ConsumerRecord<byte[], byte[]>> next = kafka.read(restarted.topics().scores(), framesBefore + 1, WAIT);
                Duration recovery = Duration.ofNanos(System.nanoTime() - start);
                System.out.printf("restart to first new score: %d ms%n", recovery.toMillis());

                // Then it resumes within the bound
                assertThat(next).hasSizeGreaterThan(framesBefore);
                assertThat(recovery).isLessThanOrEqualTo(RECOVERY_BOUND);

                // And every key's scores equal the uninterrupted app's: same frames, same values, none lost or doubled
                int total = KEYS * windows(ROWS_BEFORE + ROWS_AFTER);
                Map<String, List<ScoreMessage>> got = byKey(scores(restarted, total));
                Map<String, List<ScoreMessage>> want = byKey(scores(reference, total));
                assertThat(want.values().stream().mapToInt(List::size).sum()).isEqualTo(total);
                assertThat(got).containsOnlyKeys(want.keySet());
                want.forEach((key, messages) -> assertThat(got.get(key))
                        .extracting(ScoreMessage::ts, ScoreMessage::score)
                        .containsExactlyElementsOf(messages.stream()
                                .map(m -> org.assertj.core.groups.Tuple.tuple(m.ts(), m.score())).toList()));
            }
        }
    }

    /** Frames of a window-4, hop-2 layout over {@code rows} rows of one key. */
    private static int windows(int rows) {
        return rows < 4 ? 0 : (rows - 4) / 2 + 1;
    }

    private static StreamConfig app(String name, Map<String, String> extra) {
        Map<String, String> e = new HashMap<>(env);
        e.putAll(extra);
        e.put(Settings.APPLICATION_ID, "aestream-" + name);
        e.put(Settings.STATE_DIR, tmp.resolve("state-" + name).toString());
        for (String topic : List.of(Settings.SCORES_TOPIC, Settings.DENOISED_TOPIC, Settings.ANOMALIES_TOPIC, Settings.DEAD_LETTER_TOPIC)) {
            e.put(topic, name + "-" + topic.toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        return ConfigLoader.load(e, Map.of());
    }

    private static void produce(int fromRow, int rows) {
        try (KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
            for (int r = fromRow; r < fromRow + rows; r++) {
                for (int k = 0; k < KEYS; k++) {
                    String json = String.format(Locale.ROOT, "{\"ts\": %d, \"values\": [%.4f, %.4f]}", 1000 + r,
                            Math.sin(0.3 * r + k), Math.cos(0.2 * r - k));
                    producer.send(new ProducerRecord<>("restart-frames", ("k" + k).getBytes(StandardCharsets.UTF_8),
                            json.getBytes(StandardCharsets.UTF_8)));
                }
            }
        }
    }

    private static List<ScoreMessage> scores(StreamConfig config, int count) {
        var deserializer = JsonSerde.of(ScoreMessage.class).deserializer();
        String topic = config.topics().scores();
        return kafka.read(topic, count, WAIT).stream().map(r -> deserializer.deserialize(topic, r.value())).toList();
    }

    private static Map<String, List<ScoreMessage>> byKey(List<ScoreMessage> scores) {
        return scores.stream().collect(Collectors.groupingBy(ScoreMessage::key, TreeMap::new, Collectors.toList()));
    }
}
