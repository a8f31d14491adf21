package io.aestream.stream;

import io.aestream.adaptive.AdaptiveConfig;
import io.aestream.adaptive.AdaptiveResult;
import io.aestream.adaptive.Backtest;
import io.aestream.bundle.ModelBundle;
import io.aestream.frame.VectorFrameSpec;
import io.aestream.stream.config.ConfigLoader;
import io.aestream.stream.config.Settings;
import io.aestream.stream.config.StreamConfig;
import io.aestream.stream.errors.DeadLetterHeaders;
import io.aestream.stream.message.EventMessage;
import io.aestream.stream.message.ScoreMessage;
import io.aestream.stream.serde.JsonSerde;
import io.aestream.stream.topology.AdaptiveSignals;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The app against a real single-node KRaft broker with exactly_once_v2: frames from four sources, anomalies
 * injected into two of them, plus malformed records; every output topic read back. And a second app with adaptive
 * detection and fine-tuning on, whose scores must equal the offline {@link Backtest} of the same frames.
 */
class StreamAppIT {
    private static final int KEYS = 4;
    private static final int FRAMES = 60;
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final AdaptiveConfig ADAPTIVE = AdaptiveSignals.QUICK.withFineTuning(AdaptiveSignals.FINE_TUNING);
    @TempDir
    static Path tmp;
    private static EmbeddedKafka kafka;
    private static StreamConfig config;
    private static StreamConfig adaptiveConfig;
    private static ModelBundle adaptiveBundle;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = EmbeddedKafka.start();
        Map<String, String> env = new HashMap<>();
        env.put(Settings.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        env.put(Settings.MODEL_PATH, TestBundles.vector(tmp.resolve("bundle")).location().toString());
        env.put(Settings.STATE_DIR, tmp.resolve("state").toString());
        env.put(Settings.PROCESSING_GUARANTEE, "exactly_once_v2");
        env.put(Settings.HTTP_HOST, "127.0.0.1");
        env.put(Settings.HTTP_PORT, "0");
        env.put(Settings.EVENT_OPEN_AFTER, "2");
        env.put(Settings.EVENT_CLOSE_AFTER, "3");
        env.put(Settings.KAFKA_ENV_PREFIX + "COMMIT_INTERVAL_MS", "200");
        config = ConfigLoader.load(env, Map.of());
        kafka.createTopics(3, config.topics().all().toArray(String[]::new));

        adaptiveBundle = TestBundles.random(tmp.resolve("adaptive-bundle"), new VectorFrameSpec(List.of("a", "b", "c", "d", "e")), 41);
        env.put(Settings.MODEL_PATH, adaptiveBundle.location().toString());
        env.put(Settings.APPLICATION_ID, "aestream-adaptive");
        env.put(Settings.STATE_DIR, tmp.resolve("adaptive-state").toString());
        env.put(Settings.ADAPTIVE, AdaptiveSignals.write(tmp.resolve("adaptive.json"), ADAPTIVE).toString());
        for (String topic : List.of(Settings.INPUT_TOPIC, Settings.SCORES_TOPIC, Settings.DENOISED_TOPIC, Settings.ANOMALIES_TOPIC,
                Settings.DEAD_LETTER_TOPIC)) {
            env.put(topic, "adaptive-" + topic.toLowerCase(Locale.ROOT));
        }
        adaptiveConfig = ConfigLoader.load(env, Map.of());
        kafka.createTopics(3, adaptiveConfig.topics().all().toArray(String[]::new));
    }

    @AfterAll
    static void stopBroker() throws Exception {
        kafka.close();
    }

    @Test
    void shouldScoreDenoiseDetectAndDeadLetterWhenRunningAgainstRealBroker() throws Exception {
        try (RunningApp app = StreamApp.start(config)) {
            assertThat(app.awaitReady(Duration.ofSeconds(40))).isTrue();
            // Given frames for s0..s3, with c = 6 (score 12, threshold 0.5) at frames 20..24 of s1 and s3
            try (KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
                for (int i = 0; i < FRAMES; i++) {
                    for (int k = 0; k < KEYS; k++) {
                        boolean anomalous = k % 2 == 1 && i >= 20 && i < 25;
                        String json = "{\"ts\": " + (1000 + i) + ", \"values\": [1, 2, " + (anomalous ? 6 : 3.1) + "]}";
                        send(producer, "s" + k, json);
                    }
                }
                send(producer, "s0", "{\"ts\": 1, \"values\": [1, 2");
                send(producer, "s1", "{\"ts\": 1, \"values\": [1, 2]}");
                send(producer, null, "{\"ts\": 1, \"values\": [1, 2, 3]}");
            }
            // When the outputs are read back
            List<ScoreMessage> scores = values(config.topics().scores(), KEYS * FRAMES, ScoreMessage.class);
            List<EventMessage> events = values(config.topics().anomalies(), 4, EventMessage.class);
            List<ConsumerRecord<byte[], byte[]>> denoised = kafka.read(config.topics().denoised(), KEYS * FRAMES, WAIT);
            List<ConsumerRecord<byte[], byte[]>> dead = kafka.read(config.topics().deadLetter(), 3, WAIT);

            // Then every frame was scored and denoised once, in order per key
            assertThat(scores).hasSize(KEYS * FRAMES);
            assertThat(denoised).hasSize(KEYS * FRAMES);
            Map<String, List<Long>> tsByKey = scores.stream().collect(Collectors.groupingBy(ScoreMessage::key, TreeMap::new,
                    Collectors.mapping(ScoreMessage::ts, Collectors.toList())));
            assertThat(tsByKey).containsOnlyKeys("s0", "s1", "s2", "s3");
            tsByKey.values().forEach(ts -> assertThat(ts).isSorted().hasSize(FRAMES).doesNotHaveDuplicates());
            assertThat(scores.stream().filter(ScoreMessage::anomaly).map(ScoreMessage::key).toList())
                    .hasSize(10).containsOnly("s1", "s3");
            // And one event per injected anomaly, opened after 2 frames and closed 3 clean frames after it ended
            assertThat(events).extracting(EventMessage::key, EventMessage::phase, EventMessage::start, EventMessage::end)
                    .containsExactlyInAnyOrder(tuple("s1", "opened", 1020L, null), tuple("s1", "closed", 1020L, 1024L),
                            tuple("s3", "opened", 1020L, null), tuple("s3", "closed", 1020L, 1024L));
            // And the malformed records are dead letters, with their reasons and origin
            assertThat(dead).extracting(r -> header(r, DeadLetterHeaders.REASON))
                    .containsExactlyInAnyOrder("malformed-json", "wrong-dimension", "missing-key");
            assertThat(dead).allSatisfy(r -> {
                assertThat(header(r, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(config.topics().input());
                assertThat(Long.parseLong(header(r, DeadLetterHeaders.SOURCE_OFFSET))).isNotNegative();
            });
            // And the operator endpoints report it
            assertThat(get(app, "/health/ready").statusCode()).isEqualTo(200);
            assertThat(get(app, "/health/live").statusCode()).isEqualTo(200);
            String metrics = get(app, "/metrics").body();
            assertThat(metrics).contains("aestream_frames_consumed_total{layout=\"vector\"} 243.0",
                    "aestream_frames_scored_total", "aestream_records_produced_total", "aestream_inference_seconds_bucket",
                    "aestream_frame_latency_seconds_bucket", "aestream_reconstruction_error_bucket", "aestream_anomalies_total",
                    "aestream_events_opened_total", "aestream_events_closed_total", "aestream_events_open",
                    "aestream_dead_letters_total{reason=\"missing-key\"} 1.0", "aestream_model_info{kind=\"undercomplete\",version=\"test-model-1\"} 1",
                    "aestream_model_threshold 0.5", "aestream_ready 1.0", "kafka_stream_thread_process_total",
                    "jvm_memory_used_bytes", "process_uptime_seconds");
        }
    }

    @Test
    void shouldEqualBacktestWhenAdaptiveWithFineTuningRunsAgainstRealBroker() throws Exception {
        // Given four sources' drifting frames, a level shift in s1, fine-tuning every 40 frames
        List<Backtest.Frame> frames = new ArrayList<>();
        for (int k = 0; k < KEYS; k++) {
            List<double[]> values = AdaptiveSignals.frames(50 + k, FRAMES, 5, k == 1 ? 50 : -1, 56);
            for (int i = 0; i < FRAMES; i++) {
                frames.add(new Backtest.Frame("s" + k, 1000 + i, values.get(i)));
            }
        }
        List<AdaptiveResult> replayed = Backtest.replay(adaptiveBundle, ADAPTIVE, frames);
        Map<String, List<AdaptiveResult>> expected = new TreeMap<>();
        for (int i = 0; i < frames.size(); i++) {
            expected.computeIfAbsent(frames.get(i).key(), k -> new ArrayList<>()).add(replayed.get(i));
        }
        try (RunningApp app = StreamApp.start(adaptiveConfig)) {
            assertThat(app.awaitReady(Duration.ofSeconds(40))).isTrue();
            // When the frames are streamed, sources interleaved
            try (KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
                for (int i = 0; i < FRAMES; i++) {
                    for (int k = 0; k < KEYS; k++) {
                        Backtest.Frame f = frames.get(k * FRAMES + i);
                        send(producer, adaptiveConfig.topics().input(), f.key(), AdaptiveSignals.json(f.ts(), f.values()));
                    }
                }
            }
            List<ScoreMessage> scores = values(adaptiveConfig.topics().scores(), KEYS * FRAMES, ScoreMessage.class);

            // Then each source's scores, likelihoods, thresholds, flags and model versions are the backtest's, in order
            assertThat(scores).hasSize(KEYS * FRAMES);
            Map<String, List<ScoreMessage>> byKey = scores.stream().collect(Collectors.groupingBy(ScoreMessage::key, TreeMap::new,
                    Collectors.toList()));
            assertThat(byKey).containsOnlyKeys(expected.keySet());
            byKey.forEach((key, messages) -> assertThat(messages)
                    .extracting(ScoreMessage::ts, ScoreMessage::score, ScoreMessage::likelihood, ScoreMessage::threshold,
                            ScoreMessage::anomaly, ScoreMessage::modelVersion)
                    .containsExactlyElementsOf(expected.get(key).stream().map(r -> tuple(r.ts(), r.score(), r.likelihood(),
                            r.threshold(), r.anomaly(), r.modelVersion())).toList()));
            assertThat(scores).extracting(ScoreMessage::modelVersion).contains(TestBundles.VERSION + "+ft1");
            assertThat(get(app, "/metrics").body()).contains("aestream_anomaly_likelihood_count " + (KEYS * FRAMES),
                    "aestream_adaptive_finetunes_total{outcome=\"accepted\"}");
        }
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, String key, String json) {
        send(producer, config.topics().input(), key, json);
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, String topic, String key, String json) {
        producer.send(new ProducerRecord<>(topic, key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                json.getBytes(StandardCharsets.UTF_8)));
    }

    private static <T> List<T> values(String topic, int count, Class<T> type) {
        var deserializer = JsonSerde.of(type).deserializer();
        return kafka.read(topic, count, WAIT).stream().map(r -> deserializer.deserialize(topic, r.value())).toList();
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> get(RunningApp app, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.httpPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
