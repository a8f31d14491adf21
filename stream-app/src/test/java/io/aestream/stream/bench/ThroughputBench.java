package io.aestream.stream.bench;

import io.aestream.frame.VectorFrameSpec;
import io.aestream.stream.EmbeddedKafka;
import io.aestream.stream.RunningApp;
import io.aestream.stream.StreamApp;
import io.aestream.stream.TestBundles;
import io.aestream.stream.config.ConfigLoader;
import io.aestream.stream.config.Settings;
import io.aestream.stream.config.StreamConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * End-to-end throughput on one in-process KRaft broker: the stream app (vector layout, 32 columns) against an
 * identity topology (source → sink, same records, same broker, same guarantee), one stream thread each. Both read
 * pre-produced input; the rate counts from the first output record to the last, so start-up and rebalancing are
 * excluded. Usage: {@code ThroughputBench [frames] [at_least_once|exactly_once_v2]}.
 */
public final class ThroughputBench {
    private static final int COLUMNS = 32;
    private static final int PARTITIONS = 4;

    private ThroughputBench() {
    }

    public static void main(String[] args) throws Exception {
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        String guarantee = args.length > 1 ? args[1] : "at_least_once";
        Path tmp = Files.createTempDirectory("aestream-bench");
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            kafka.createTopics(PARTITIONS, "identity-in", "identity-out");
            produce(kafka, "identity-in", frames);
            double identity = measure(kafka, "identity-out", frames, () -> identity(kafka, tmp, guarantee));

            Map<String, String> env = new HashMap<>(Map.of(Settings.BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
                    Settings.MODEL_PATH, TestBundles.random(tmp.resolve("bundle"), spec(), 1).location().toString(),
                    Settings.STATE_DIR, tmp.resolve("state").toString(), Settings.PROCESSING_GUARANTEE, guarantee,
                    Settings.HTTP_HOST, "127.0.0.1", Settings.HTTP_PORT, "0"));
            StreamConfig config = ConfigLoader.load(env, Map.of());
            kafka.createTopics(PARTITIONS, config.topics().all().toArray(String[]::new));
            produce(kafka, config.topics().input(), frames);
            double app = measure(kafka, config.topics().scores(), frames, () -> StreamApp.start(config));

            System.out.printf(Locale.ROOT, "frames=%d guarantee=%s%nidentity topology: %.0f frames/s%n"
                    + "stream app:        %.0f frames/s (scores + denoised + events out)%nratio app/identity: %.2f%n",
                    frames, guarantee, identity, app, app / identity);
        }
    }

    private static VectorFrameSpec spec() {
        return new VectorFrameSpec(IntStream.range(0, COLUMNS).mapToObj(i -> "f" + i).toList());
    }

    private static void produce(EmbeddedKafka kafka, String topic, int frames) {
        Random rnd = new Random(1);
        try (KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
            for (int i = 0; i < frames; i++) {
                StringBuilder json = new StringBuilder("{\"ts\": ").append(i).append(", \"values\": [");
                for (int c = 0; c < COLUMNS; c++) {
                    json.append(c == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4f", rnd.nextGaussian()));
                }
                producer.send(new ProducerRecord<>(topic, ("sensor-" + i % 64).getBytes(StandardCharsets.UTF_8),
                        json.append("]}").toString().getBytes(StandardCharsets.UTF_8)));
            }
        }
    }

    private static KafkaStreams identity(EmbeddedKafka kafka, Path tmp, String guarantee) {
        Topology t = new Topology();
        t.addSource("in", new ByteArrayDeserializer(), new ByteArrayDeserializer(), "identity-in");
        t.addSink("out", "identity-out", new ByteArraySerializer(), new ByteArraySerializer(), "in");
        Properties props = new Properties();
        props.putAll(Map.of(StreamsConfig.APPLICATION_ID_CONFIG, "identity",
                StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                StreamsConfig.STATE_DIR_CONFIG, tmp.resolve("identity-state").toString(),
                StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee));
        KafkaStreams streams = new KafkaStreams(t, props);
        streams.start();
        return streams;
    }

    @FunctionalInterface
    private interface Starter {
        AutoCloseable start() throws Exception;
    }

    /** Starts the app, waits until {@code frames} records are in {@code output}, returns records/s from first to last. */
    private static double measure(EmbeddedKafka kafka, String output, int frames, Starter starter) throws Exception {
        AutoCloseable app = starter.start();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            List<TopicPartition> parts = new ArrayList<>();
            for (int p = 0; p < PARTITIONS; p++) {
                parts.add(new TopicPartition(output, p));
            }
            long firstAt = 0;
            long firstCount = 0;
            long deadline = System.nanoTime() + 600_000_000_000L;
            while (System.nanoTime() < deadline) {
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                parts.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
                long count = admin.listOffsets(latest).all().get().values().stream().mapToLong(i -> i.offset()).sum();
                long now = System.nanoTime();
                if (firstAt == 0 && count > 0) {
                    firstAt = now;
                    firstCount = count;
                }
                if (count >= frames) {
                    return (count - firstCount) / ((now - firstAt) / 1e9);
                }
                Thread.sleep(20);
            }
            throw new IllegalStateException(output + ": fewer than " + frames + " records after 10 minutes");
        } finally {
            app.close();
        }
    }
}
