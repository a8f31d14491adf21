package io.aestream.stream.config;

import org.apache.kafka.streams.StreamsConfig;

import java.util.Arrays;

/** Kafka Streams processing guarantee (AESTREAM_PROCESSING_GUARANTEE). */
public enum ProcessingGuarantee {
    AT_LEAST_ONCE(StreamsConfig.AT_LEAST_ONCE),
    EXACTLY_ONCE_V2(StreamsConfig.EXACTLY_ONCE_V2);

    private final String kafkaName;

    ProcessingGuarantee(String kafkaName) {
        this.kafkaName = kafkaName;
    }

    /** The value of {@code processing.guarantee}, also the accepted setting value. */
    public String kafkaName() {
        return kafkaName;
    }

    static ProcessingGuarantee parse(String setting, String value) {
        return Arrays.stream(values()).filter(g -> g.kafkaName.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(setting + ": must be at_least_once or exactly_once_v2, got '"
                        + value + "'"));
    }
}
