package io.aestream.stream.config;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;

import java.util.HashMap;
import java.util.Map;

/** The Kafka client configurations derived from a {@link StreamConfig}. */
public final class KafkaSettings {
    private KafkaSettings() {
    }

    /**
     * Client settings the app starts from; AESTREAM_KAFKA_* overrides each. Kafka Streams' own producer default
     * {@code linger.ms=100} holds every batch up to 100 ms at low rates, which alone was the p99 of the app at half
     * load; 5 ms bounds that wait while batches still fill at high rates, helped by 128 KiB batches (Kafka's 16 KiB
     * holds ~20 JSON frames). Compression stays off: lz4 set up per batch took 6-12 % of the app's stream thread
     * in the profile (docs/performance.md); where network or broker disk is the limit, set
     * AESTREAM_KAFKA_COMPRESSION_TYPE=lz4.
     * A dead member keeps its partitions until its session times out (Kafka's default: 45 s, an alarm blackout for
     * those partitions): 10 s bounds that for dynamic members; a static member (AESTREAM_KAFKA_GROUP_INSTANCE_ID, the
     * StatefulSet pod name in the chart) that restarts takes its partitions back without waiting (docs/reliability.md).
     */
    public static final Map<String, String> CLIENT_DEFAULTS = Map.of(
            "linger.ms", "5",
            "batch.size", "131072",
            ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "10000");
    /**
     * at_least_once replays everything since the last commit after a crash; Kafka Streams' 30 s default makes that
     * up to 30 s of duplicates. 1 s bounds the replay to about a second of input at a negligible commit cost.
     * (exactly_once_v2 keeps Kafka's 100 ms: its commit interval is the output latency.)
     */
    static final String AT_LEAST_ONCE_COMMIT_INTERVAL_MS = "1000";

    /** Settings of the streams client: defaults, then the pass-through, then the dedicated settings. */
    public static Map<String, Object> streams(StreamConfig c) {
        Map<String, Object> props = new HashMap<>(CLIENT_DEFAULTS);
        if (c.guarantee() == ProcessingGuarantee.AT_LEAST_ONCE) {
            props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, AT_LEAST_ONCE_COMMIT_INTERVAL_MS);
        }
        props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedStateMemory.class);
        props.putAll(c.kafka());
        props.put(BoundedStateMemory.BUDGET_BYTES, Long.toString((long) c.stateMemoryMb() << 20));
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, c.applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, c.bootstrapServers());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, c.guarantee().kafkaName());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, c.streamThreads());
        props.put(StreamsConfig.STATE_DIR_CONFIG, c.stateDir().toString());
        return props;
    }

    /** Settings of a plain byte[] producer (for dead letters written outside the topology), idempotent, acks=all. */
    public static Map<String, Object> producer(StreamConfig c) {
        Map<String, Object> props = new HashMap<>();
        c.kafka().forEach((k, v) -> {
            if (ProducerConfig.configNames().contains(k)) {
                props.put(k, v);
            }
        });
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, c.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, c.applicationId() + "-dead-letters");
        return props;
    }
}
