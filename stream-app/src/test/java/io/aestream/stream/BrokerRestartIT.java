package io.aestream.stream;

import io.aestream.stream.config.ConfigLoader;
import io.aestream.stream.config.Settings;
import io.aestream.stream.config.StreamConfig;
import io.aestream.stream.message.ScoreMessage;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
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
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broker is stopped and started again while 50,000 frames of 16 sources flow through two apps reading the same
 * input: one with exactly_once_v2, one with at_least_once. After recovery every input frame has exactly one score
 * with exactly_once_v2 (same frames, same order per key, nothing else) and at least one with at_least_once.
 */
class BrokerRestartIT {
    private static final int KEYS = 16;
    private static final int FRAMES_PER_KEY = 3_125;
    private static final int TOTAL = KEYS * FRAMES_PER_KEY;
    private static final Duration WAIT = Duration.ofMinutes(3);
    @TempDir
    static Path tmp;
    private static EmbeddedKafka kafka;
    private static Map<String, String> env;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = EmbeddedKafka.start();
        env = new HashMap<>();
        env.put(Settings.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        env.put(Settings.MODEL_PATH, TestBundles.vector(tmp.resolve("bundle")).location().toString());
        env.put(Settings.HTTP_HOST, "127.0.0.1");
        env.put(Settings.HTTP_PORT, "0");
        env.put(Settings.INPUT_TOPIC, "restart-broker-frames");
        kafka.createTopics(4, "restart-broker-frames");
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void shouldScoreEveryFrameExactlyOnceWithEosAndAtLeastOnceWithAlosAcrossABrokerRestart() throws Exception {
        StreamConfig eos = app("eos", "exactly_once_v2");
        StreamConfig alos = app("alos", "at_least_once");
        try (RunningApp eosApp = StreamApp.start(eos); RunningApp alosApp = StreamApp.start(alos)) {
            assertThat(eosApp.awaitReady(WAIT)).isTrue();
            assertThat(alosApp.awaitReady(WAIT)).isTrue();

            // Given frames flowing, the broker restarted after the first 40 % were sent
            AtomicInteger acked = new AtomicInteger();
            AtomicReference<Exception> sendError = new AtomicReference<>();
            try (KafkaProducer<byte[], byte[]> producer = reliableProducer()) {
                for (int i = 0; i < FRAMES_PER_KEY; i++) {
                    if (i == FRAMES_PER_KEY * 2 / 5) {
                        producer.flush();
                        kafka.restartBrokers();
                    }
                    for (int k = 0; k < KEYS; k++) {
                        String json = String.format(Locale.ROOT, "{\"ts\": %d, \"values\": [1, 2, %.3f]}", 1_000_000L + i,
                                3 + 0.001 * ((i * 7 + k) % 100));
                        producer.send(new ProducerRecord<>(eos.topics().input(), ("s" + k).getBytes(StandardCharsets.UTF_8),
                                json.getBytes(StandardCharsets.UTF_8)), (meta, e) -> {
                                    if (e != null) {
                                        sendError.compareAndSet(null, e);
                                    } else {
                                        acked.incrementAndGet();
                                    }
                                });
                    }
                }
            }
            assertThat(sendError.get()).as("every input frame was written").isNull();
            assertThat(acked.get()).isEqualTo(TOTAL);

            // When both apps' scores are read back (committed only)
            Map<String, List<Long>> exactlyOnce = tsByKey(ScoreReads.scores(kafka, eos, TOTAL, WAIT));
            List<ScoreMessage> atLeastOnceScores = ScoreReads.distinctScores(kafka, alos, TOTAL, WAIT);
            Map<String, List<Long>> atLeastOnce = tsByKey(atLeastOnceScores);

            // Then exactly_once_v2 scored every frame once, in order per key
            Set<String> keys = new TreeSet<>();
            for (int k = 0; k < KEYS; k++) {
                keys.add("s" + k);
            }
            List<Long> everyTs = LongStream.range(0, FRAMES_PER_KEY).map(i -> 1_000_000L + i).boxed().toList();
            assertThat(exactlyOnce).containsOnlyKeys(keys);
            exactlyOnce.values().forEach(ts -> assertThat(ts).containsExactlyElementsOf(everyTs));
            // And at_least_once scored every frame at least once
            assertThat(atLeastOnce).containsOnlyKeys(keys);
            atLeastOnce.values().forEach(ts -> assertThat(new TreeSet<>(ts)).containsExactlyElementsOf(everyTs));
            System.out.printf("broker restart: %d frames; exactly_once_v2 %d scores; at_least_once %d scores (%d duplicates)%n",
                    TOTAL, exactlyOnce.values().stream().mapToInt(List::size).sum(), atLeastOnceScores.size(),
                    atLeastOnceScores.size() - TOTAL);
        }
    }

    private static KafkaProducer<byte[], byte[]> reliableProducer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000));
    }

    private static StreamConfig app(String name, String guarantee) {
        Map<String, String> e = new HashMap<>(env);
        e.put(Settings.APPLICATION_ID, "aestream-" + name);
        e.put(Settings.PROCESSING_GUARANTEE, guarantee);
        e.put(Settings.STATE_DIR, tmp.resolve("state-" + name).toString());
        for (String topic : List.of(Settings.SCORES_TOPIC, Settings.DENOISED_TOPIC, Settings.ANOMALIES_TOPIC, Settings.DEAD_LETTER_TOPIC)) {
            e.put(topic, name + "-" + topic.toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        return ConfigLoader.load(e, Map.of());
    }

    private static Map<String, List<Long>> tsByKey(List<ScoreMessage> scores) {
        return scores.stream().collect(Collectors.groupingBy(ScoreMessage::key, TreeMap::new,
                Collectors.mapping(ScoreMessage::ts, Collectors.toList())));
    }
}
