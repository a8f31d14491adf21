package io.aestream.launcher.bench;

import io.aestream.launcher.kafka.LocalKafka;
import io.aestream.stream.StreamApp;
import io.aestream.stream.config.ConfigLoader;
import io.aestream.stream.config.KafkaSettings;
import io.aestream.stream.config.ProcessingGuarantee;
import io.aestream.stream.config.Settings;
import io.aestream.stream.config.StreamConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the bench runs against one input topic, each a streams client with its own application id and output
 * topics: the stream app itself, an identity topology (source → sink) and the per-record DL4J topology. All three
 * use exactly the app's client settings ({@link KafkaSettings#streams}), so only the processing differs.
 */
final class Subjects {
    /** A started subject: where its per-frame output goes, and how to stop it. */
    record Started(String output, AutoCloseable client) implements AutoCloseable {
        @Override
        public void close() {
            try {
                client.close();
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("cannot close the client writing " + output + ": " + e.getMessage(), e);
            }
        }
    }

    private final LocalKafka kafka;
    private final Path stateDir;
    private final Map<String, String> kafkaSettings;
    private final AtomicInteger runs;

    /** {@code kafkaSettings}: client settings for every subject, as the app reads them from AESTREAM_KAFKA_*. */
    Subjects(LocalKafka kafka, Path stateDir, Map<String, String> kafkaSettings) {
        this(kafka, stateDir, kafkaSettings, new AtomicInteger());
    }

    private Subjects(LocalKafka kafka, Path stateDir, Map<String, String> kafkaSettings, AtomicInteger runs) {
        this.kafka = kafka;
        this.stateDir = stateDir;
        this.kafkaSettings = Map.copyOf(kafkaSettings);
        this.runs = runs;
    }

    /** The same subjects with one more client setting (its runs still get application ids of their own). */
    Subjects with(String name, String value) {
        Map<String, String> settings = new HashMap<>(kafkaSettings);
        settings.put(name, value);
        return new Subjects(kafka, stateDir, settings, runs);
    }

    /** The app's configuration for one run: its own application id and output topics, created here. */
    StreamConfig appConfig(String input, Path bundle, BenchPlan.OutputSet outputs, ProcessingGuarantee guarantee, int partitions) {
        return withTopics(ConfigLoader.load(env(input, bundle, outputs, guarantee), Map.of()), partitions);
    }

    /** The same as the app's environment (AESTREAM_*), for an app in its own process. */
    Map<String, String> appSettings(String input, Path bundle, BenchPlan.OutputSet outputs, ProcessingGuarantee guarantee,
                                    int partitions) {
        Map<String, String> env = env(input, bundle, outputs, guarantee);
        withTopics(ConfigLoader.load(env, Map.of()), partitions);
        return env;
    }

    /** The output topics of {@code config}, created with {@code partitions} partitions. */
    private StreamConfig withTopics(StreamConfig config, int partitions) {
        kafka.createTopics(partitions, config.topics().all().subList(1, config.topics().all().size()));
        return config;
    }

    private Map<String, String> env(String input, Path bundle, BenchPlan.OutputSet outputs, ProcessingGuarantee guarantee) {
        String run = "bench-" + runs.incrementAndGet();
        Map<String, String> env = new HashMap<>(Map.of(Settings.BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
                Settings.APPLICATION_ID, run, Settings.INPUT_TOPIC, input, Settings.MODEL_PATH, bundle.toString(),
                Settings.OUTPUTS, outputs.setting, Settings.PROCESSING_GUARANTEE, guarantee.kafkaName(),
                Settings.STATE_DIR, stateDir.resolve(run).toString(), Settings.HTTP_HOST, "127.0.0.1", Settings.HTTP_PORT, "0"));
        env.put(Settings.SCORES_TOPIC, run + "-scores");
        env.put(Settings.DENOISED_TOPIC, run + "-denoised");
        env.put(Settings.ANOMALIES_TOPIC, run + "-anomalies");
        env.put(Settings.DEAD_LETTER_TOPIC, run + "-dead-letter");
        env.put(Settings.OUTPUT_FORMAT, outputs.format);
        kafkaSettings.forEach((name, value) -> env.put(Settings.KAFKA_ENV_PREFIX
                + name.toUpperCase(java.util.Locale.ROOT).replace('.', '_'), value));
        return env;
    }

    Started app(StreamConfig config) {
        String output = config.topics().scores() != null ? config.topics().scores() : config.topics().denoised();
        return new Started(output, StreamApp.start(config));
    }

    Started identity(StreamConfig like, int partitions) {
        return topology(like, partitions, (t, out) -> t.addSink("identity-sink", out, new ByteArraySerializer(),
                new ByteArraySerializer(), "bench-source"));
    }

    Started dl4j(StreamConfig like, int partitions) {
        return topology(like, partitions, (t, out) -> {
            t.addProcessor("dl4j-processor", () -> new Dl4jScoring(like.modelPath()), "bench-source");
            t.addSink("dl4j-sink", out, new ByteArraySerializer(), new ByteArraySerializer(), "dl4j-processor");
        });
    }

    private interface Body {
        void add(Topology topology, String output);
    }

    private Started topology(StreamConfig like, int partitions, Body body) {
        String output = like.applicationId() + "-out";
        kafka.createTopics(partitions, java.util.List.of(output));
        Topology t = new Topology();
        t.addSource("bench-source", new ByteArrayDeserializer(), new ByteArrayDeserializer(), like.topics().input());
        body.add(t, output);
        Properties props = new Properties();
        props.putAll(KafkaSettings.streams(like));
        KafkaStreams streams = new KafkaStreams(t, props);
        streams.start();
        return new Started(output, streams);
    }
}
