package io.aestream.stream;

import io.aestream.frame.FrameSpec;
import io.aestream.frame.WindowFrameSpec;
import io.aestream.stream.config.ConfigLoader;
import io.aestream.stream.config.Settings;
import io.aestream.stream.config.StreamConfig;
import io.aestream.stream.message.ScoreMessage;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Fault-test fixture: several apps (own id, own output topics) read one input topic of two-column rows from 16
 * sources, framed by a window-4, hop-2 bundle (or a vector bundle); an app that went through a fault must end with
 * the same scores as a reference app that did not.
 */
final class FaultRuns {
    static final int KEYS = 16;
    static final Duration WAIT = Duration.ofMinutes(2);
    private final EmbeddedKafka kafka;
    private final Map<String, String> base;
    private final Path tmp;
    private final String input;
    private final FrameSpec spec;

    FaultRuns(EmbeddedKafka kafka, Path tmp, String input, Map<String, String> settings) throws Exception {
        this(kafka, tmp, input, TestBundles.windowSpec(), settings);
    }

    FaultRuns(EmbeddedKafka kafka, Path tmp, String input, FrameSpec spec, Map<String, String> settings) throws Exception {
        this.spec = spec;
        this.kafka = kafka;
        this.tmp = tmp;
        this.input = input;
        base = new HashMap<>(settings);
        base.put(Settings.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        base.put(Settings.MODEL_PATH, TestBundles.random(tmp.resolve("bundle-" + input), spec, 7).location().toString());
        base.put(Settings.HTTP_HOST, "127.0.0.1");
        base.put(Settings.HTTP_PORT, "0");
        base.put(Settings.INPUT_TOPIC, input);
        kafka.createTopics(4, input);
    }

    /** Frames of the window-4, hop-2 layout over {@code rows} rows of each of the {@link #KEYS} sources. */
    static int frames(int rows) {
        return KEYS * (rows < 4 ? 0 : (rows - 4) / 2 + 1);
    }

    /** Payload timestamps of the frames {@code rows} rows of one source give, in order. */
    List<Long> frameTimestamps(int rows) {
        int first = spec instanceof WindowFrameSpec w ? w.window() - 1 : 0;
        int hop = spec instanceof WindowFrameSpec w ? w.hop() : 1;
        return java.util.stream.IntStream.iterate(first, r -> r < rows, r -> r + hop).mapToObj(r -> 1000L + r).toList();
    }

    /**
     * Settings of one app instance: application id {@code "aestream-" + app}, outputs prefixed with {@code app},
     * state directory per {@code instance}, plus {@code extra}.
     */
    Map<String, String> settings(String app, String instance, Map<String, String> extra) {
        Map<String, String> e = new HashMap<>(base);
        e.putAll(extra);
        e.put(Settings.APPLICATION_ID, "aestream-" + app);
        e.put(Settings.STATE_DIR, tmp.resolve("state-" + instance).toString());
        for (String topic : List.of(Settings.SCORES_TOPIC, Settings.DENOISED_TOPIC, Settings.ANOMALIES_TOPIC, Settings.DEAD_LETTER_TOPIC)) {
            e.put(topic, app + "-" + topic.toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        return e;
    }

    static StreamConfig config(Map<String, String> settings) {
        return ConfigLoader.load(settings, Map.of());
    }

    /** Rows {@code from} .. {@code from + rows - 1} of every source, interleaved. */
    void produce(int from, int rows) throws ExecutionException, InterruptedException {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
            for (int r = from; r < from + rows; r++) {
                for (int k = 0; k < KEYS; k++) {
                    String json = String.format(Locale.ROOT, "{\"ts\": %d, \"values\": [%.4f, %.4f]}", 1000 + r,
                            Math.sin(0.3 * r + k), Math.cos(0.2 * r - k));
                    sent.add(producer.send(new ProducerRecord<>(input, ("k" + k).getBytes(StandardCharsets.UTF_8),
                            json.getBytes(StandardCharsets.UTF_8))));
                }
            }
        }
        // an input record the broker never took would read as a frame the app lost
        for (Future<RecordMetadata> f : sent) {
            f.get();
        }
    }

    /** Committed scores of {@code config}'s app, once {@code count} arrived (or {@link #WAIT} passed). */
    List<ScoreMessage> scores(StreamConfig config, int count) {
        return ScoreReads.scores(kafka, config, count, WAIT);
    }

    /** Every source's scores, likelihoods and flags of {@code app} equal {@code reference}'s: none lost, none doubled. */
    void assertSameScores(StreamConfig app, StreamConfig reference, int total) {
        Map<String, List<ScoreMessage>> got = byKey(scores(app, total));
        Map<String, List<ScoreMessage>> want = byKey(scores(reference, total));
        assertThat(want.values().stream().mapToInt(List::size).sum()).isEqualTo(total);
        assertThat(got).containsOnlyKeys(want.keySet());
        want.forEach((key, messages) -> assertThat(got.get(key)).as(key)
                .extracting(ScoreMessage::ts, ScoreMessage::score, ScoreMessage::likelihood, ScoreMessage::anomaly)
                .containsExactlyElementsOf(messages.stream().map(m -> tuple(m.ts(), m.score(), m.likelihood(), m.anomaly())).toList()));
    }

    private static Map<String, List<ScoreMessage>> byKey(List<ScoreMessage> scores) {
        return scores.stream().collect(Collectors.groupingBy(ScoreMessage::key, TreeMap::new, Collectors.toList()));
    }
}
