package io.aestream.stream.config;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;

import java.util.HashMap;
import java.util.Map;

/** The Kafka client configurations derived from a {@link StreamConfig}. */
public final class KafkaSettings {
    private KafkaSettings() {
    }

    /** Settings of the streams client: pass-through first, then the dedicated settings. */
    public static Map<String, Object> streams(StreamConfig c) {
        Map<String, Object> props = new HashMap<>(c.kafka());
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
