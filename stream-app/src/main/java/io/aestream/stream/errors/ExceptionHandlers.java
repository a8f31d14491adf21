package io.aestream.stream.errors;

import io.aestream.stream.metrics.StreamMetrics;
import org.apache.kafka.streams.StreamsConfig;

import java.util.Map;

/** Installs the last-resort exception handlers in a streams configuration, with what they need to route and count. */
public final class ExceptionHandlers {
    static final String PUBLISHER_KEY = "aestream.dead.letter.publisher";
    static final String METRICS_KEY = "aestream.metrics";

    private ExceptionHandlers() {
    }

    /** Streams settings: the handler classes, plus the publisher and metrics objects they pick up in configure(). */
    public static Map<String, Object> streamsConfig(DeadLetterPublisher publisher, StreamMetrics metrics) {
        return Map.of(
                StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class,
                StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class,
                PUBLISHER_KEY, publisher,
                METRICS_KEY, metrics);
    }
}
