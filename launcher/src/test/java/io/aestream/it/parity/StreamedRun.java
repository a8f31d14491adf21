package io.aestream.it.parity;

import io.aestream.launcher.kafka.LocalKafka;
import io.aestream.stream.RunningApp;
import io.aestream.stream.StreamApp;
import io.aestream.stream.config.ConfigLoader;
import io.aestream.stream.config.InputFormat;
import io.aestream.stream.config.Output;
import io.aestream.stream.config.Settings;
import io.aestream.stream.config.StreamConfig;
import io.aestream.stream.config.Topics;
import io.aestream.stream.message.DenoisedMessage;
import io.aestream.stream.message.ScoreMessage;
import io.aestream.stream.serde.JsonSerde;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The real stream app ({@link StreamApp#start}) on a local broker under its own application id and topics
 * ({@code <name>-frames}, {@code <name>-scores}, ...), configured the way the environment configures it, fed by
 * {@code aestream produce}, with its {@code scores} and {@code denoised} topics read back in order.
 */
public final class StreamedRun implements AutoCloseable {
    private static final Duration READY = Duration.ofSeconds(60);
    private static final Duration OUTPUT = Duration.ofSeconds(30);
    private static final Duration SETTLE = Duration.ofMillis(300);

    private final LocalKafka kafka;
    private final Topics topics;
    private final RunningApp app;

    private StreamedRun(LocalKafka kafka, Topics topics, RunningApp app) {
        this.kafka = kafka;
        this.topics = topics;
        this.app = app;
    }

    /** Creates the topics (one partition each, so one order), starts the app on {@code bundle} and waits until it is ready. */
    public static StreamedRun start(LocalKafka kafka, String name, Path bundle, InputFormat format, int topFeatures, Path stateDir)
            throws InterruptedException {
        return start(kafka, name, bundle, format, topFeatures, stateDir, Map.of());
    }

    /** {@link #start(LocalKafka, String, Path, InputFormat, int, Path)} with more settings (e.g. AESTREAM_OUTPUTS). */
    public static StreamedRun start(LocalKafka kafka, String name, Path bundle, InputFormat format, int topFeatures, Path stateDir,
                                    Map<String, String> settings) throws InterruptedException {
        Map<String, String> env = new HashMap<>();
        env.put(Settings.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        env.put(Settings.APPLICATION_ID, name);
        env.put(Settings.INPUT_TOPIC, name + "-frames");
        env.put(Settings.SCORES_TOPIC, name + "-scores");
        env.put(Settings.DENOISED_TOPIC, name + "-denoised");
        env.put(Settings.ANOMALIES_TOPIC, name + "-anomalies");
        env.put(Settings.CODES_TOPIC, name + "-codes");
        env.put(Settings.DEAD_LETTER_TOPIC, name + "-dead-letter");
        env.put(Settings.MODEL_PATH, bundle.toString());
        env.put(Settings.INPUT_FORMAT, format.settingValue());
        env.put(Settings.TOP_FEATURES, Integer.toString(topFeatures));
        env.put(Settings.STATE_DIR, stateDir.toString());
        env.put(Settings.HTTP_HOST, "127.0.0.1");
        env.put(Settings.HTTP_PORT, "0");
        env.putAll(settings);
        StreamConfig config = ConfigLoader.load(env, Map.of());
        kafka.createTopics(1, config.topics().all());
        RunningApp app = StreamApp.start(config);
        if (!app.awaitReady(READY)) {
            app.close();
            throw new IllegalStateException("stream app " + name + " not ready within " + READY + ": " + app.state());
        }
        return new StreamedRun(kafka, config.topics(), app);
    }

    /** {@code aestream produce} to the input topic, with {@code args} naming the source (--csv/--wav, --key, ...). */
    public void produce(String... args) {
        List<String> all = new ArrayList<>(List.of("produce", "--bootstrap-servers", kafka.bootstrapServers(),
                "--topic", topics.input()));
        all.addAll(List.of(args));
        Cli.run(all.toArray(String[]::new));
    }

    /** The first {@code count} scores, or fewer if they do not arrive in time. */
    public List<ScoreMessage> scores(int count) {
        var json = JsonSerde.of(ScoreMessage.class).deserializer();
        return read(topics.scores(), values -> values.size() >= count).stream()
                .map(v -> json.deserialize(topics.scores(), v)).toList();
    }

    /** The first {@code count} denoised rows (vector and window layouts), or fewer if they do not arrive in time. */
    public List<DenoisedMessage> denoisedRows(int count) {
        var json = JsonSerde.of(DenoisedMessage.class).deserializer();
        return read(topics.denoised(), values -> values.size() >= count).stream()
                .map(v -> json.deserialize(topics.denoised(), v)).toList();
    }

    /** The first {@code count} codes (the codes output selected), or fewer if they do not arrive in time. */
    public List<DenoisedMessage> codes(int count) {
        String topic = topics.of(Output.CODES);
        var json = JsonSerde.of(DenoisedMessage.class).deserializer();
        return read(topic, values -> values.size() >= count).stream().map(v -> json.deserialize(topic, v)).toList();
    }

    /** The denoised PCM16 chunks joined, once at least {@code samples} samples arrived (or the time is up). */
    public short[] denoisedPcm(int samples) {
        List<byte[]> chunks = read(topics.denoised(), values -> values.stream().mapToInt(v -> v.length / 2).sum() >= samples);
        ByteBuffer all = ByteBuffer.allocate(chunks.stream().mapToInt(c -> c.length).sum());
        chunks.forEach(all::put);
        all.flip();
        short[] pcm = new short[all.remaining() / 2];
        all.order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(pcm);
        return pcm;
    }

    /**
     * Values of {@code topic} from the beginning, in offset order, until {@code enough} holds or {@link #OUTPUT}
     * passes, plus whatever arrives within {@link #SETTLE} after.
     */
    private List<byte[]> read(String topic, Predicate<List<byte[]>> enough) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, topic + "-reader", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<byte[]> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + OUTPUT.toNanos();
            while (!enough.test(values) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
            }
            // one more poll, so a surplus record (a frame emitted twice) shows up in the caller's count
            consumer.poll(SETTLE).forEach(r -> values.add(r.value()));
        }
        return values;
    }

    @Override
    public void close() {
        app.close();
    }
}
