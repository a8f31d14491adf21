package io.aestream.stream;

import io.aestream.stream.config.ConfigLoader;
import io.aestream.stream.config.Settings;
import io.aestream.stream.config.StreamConfig;
import io.aestream.stream.message.ScoreMessage;
import io.aestream.stream.serde.JsonSerde;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The app runs as its own process (window layout, adaptive detection on, exactly_once_v2, static membership) and is
 * killed with SIGKILL while it works through the input: no close, an open transaction, local state not checkpointed.
 * More input arrives, and it is started again with the same identity and state directory. It must score again within
 * 10 s of its start, and its scores must equal, frame for frame, those of an uninterrupted app on the same input:
 * windows spanning the kill are assembled from the restored window state, the adaptive statistics continue from the
 * restored adaptive state, and nothing is lost or doubled.
 */
class RestartRecoveryIT {
    private static final int KEYS = 16;
    private static final int ROWS_BEFORE = 400;
    private static final int ROWS_AFTER = 100;
    private static final Duration WAIT = Duration.ofMinutes(2);
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
        env.put(Settings.ADAPTIVE, "on");
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
    void shouldResumeWithinTenSecondsAndMatchAnUninterruptedRunWhenKilledMidStream() throws Exception {
        Map<String, String> killed = app("killed", Map.of(Settings.KAFKA_ENV_PREFIX + "GROUP_INSTANCE_ID", "aestream-0"));
        StreamConfig killedConfig = ConfigLoader.load(killed, Map.of());
        StreamConfig reference = ConfigLoader.load(app("reference", Map.of()), Map.of());
        int total = KEYS * windows(ROWS_BEFORE + ROWS_AFTER);
        try (RunningApp uninterrupted = StreamApp.start(reference)) {
            assertThat(uninterrupted.awaitReady(WAIT)).isTrue();
            // Given the app in its own process, killed with SIGKILL once it has scored part of the first rows
            Process first = startProcess(killed, "first");
            produce(0, ROWS_BEFORE);
            int before = kafka.read(killedConfig.topics().scores(), KEYS * 10, WAIT).size();
            first.destroyForcibly().waitFor();
            assertThat(before).as("scored some frames before the kill").isLessThan(total);

            // When more rows arrive and the app starts again with the same identity and state directory
            produce(ROWS_BEFORE, ROWS_AFTER);
            int committed = kafka.read(killedConfig.topics().scores(), total, Duration.ofSeconds(2)).size();
            long start = System.nanoTime();
            System.out.println("restarted at " + LocalTime.now());
            Process second = startProcess(killed, "second");
            try {
                List<?> next = kafka.read(killedConfig.topics().scores(), committed + 1, WAIT);
                Duration recovery = Duration.ofNanos(System.nanoTime() - start);
                System.out.println("first new score read at " + LocalTime.now() + "; the app's timeline:");
                try (var lines = Files.lines(tmp.resolve("second.log"))) {
                    lines.filter(l -> l.contains("streams state") || l.contains("model ")).forEach(System.out::println);
                }
                System.out.printf("SIGKILL after %d committed scores; restart to first new score: %d ms%n", committed, recovery.toMillis());

                // Then it scores again within the bound (JVM start and state restore included)
                assertThat(next).hasSizeGreaterThan(committed);
                assertThat(recovery).isLessThanOrEqualTo(RECOVERY_BOUND);

                // And every key's scores, likelihoods and flags equal the uninterrupted app's, none lost or doubled
                Map<String, List<ScoreMessage>> got = byKey(scores(killedConfig, total));
                Map<String, List<ScoreMessage>> want = byKey(scores(reference, total));
                assertThat(want.values().stream().mapToInt(List::size).sum()).isEqualTo(total);
                assertThat(got).containsOnlyKeys(want.keySet());
                want.forEach((key, messages) -> assertThat(got.get(key))
                        .extracting(ScoreMessage::ts, ScoreMessage::score, ScoreMessage::likelihood, ScoreMessage::anomaly)
                        .containsExactlyElementsOf(messages.stream()
                                .map(m -> tuple(m.ts(), m.score(), m.likelihood(), m.anomaly())).toList()));
            } finally {
                second.destroyForcibly().waitFor();
            }
        }
    }

    /** {@code java io.aestream.stream.StreamApp} with {@code settings} as its environment, logging to a file. */
    private static Process startProcess(Map<String, String> settings, String name) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-Xmx512m", "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS", "-cp", System.getProperty("java.class.path"),
                StreamApp.class.getName());
        pb.environment().putAll(settings);
        Path log = Files.createFile(tmp.resolve(name + ".log"));
        return pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Frames of a window-4, hop-2 layout over {@code rows} rows of one key. */
    private static int windows(int rows) {
        return rows < 4 ? 0 : (rows - 4) / 2 + 1;
    }

    private static Map<String, String> app(String name, Map<String, String> extra) {
        Map<String, String> e = new HashMap<>(env);
        e.putAll(extra);
        e.put(Settings.APPLICATION_ID, "aestream-" + name);
        e.put(Settings.STATE_DIR, tmp.resolve("state-" + name).toString());
        for (String topic : List.of(Settings.SCORES_TOPIC, Settings.DENOISED_TOPIC, Settings.ANOMALIES_TOPIC, Settings.DEAD_LETTER_TOPIC)) {
            e.put(topic, name + "-" + topic.toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        return e;
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
