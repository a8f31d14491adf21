package io.aestream.stream.errors;

import io.aestream.stream.metrics.StreamMetrics;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;

import java.util.Map;

/**
 * What both last-resort exception handlers do: count, log where the record came from, and write it to the
 * dead-letter topic. Continuing is only allowed once the dead letter is written; otherwise the app stops rather
 * than lose the record silently.
 */
final class HandlerRouting {
    private final Logger log;
    private DeadLetterPublisher publisher;
    private StreamMetrics metrics;

    HandlerRouting(Logger log) {
        this.log = log;
    }

    void configure(Map<String, ?> configs) {
        if (configs.get(ExceptionHandlers.PUBLISHER_KEY) instanceof DeadLetterPublisher p) {
            publisher = p;
        }
        if (configs.get(ExceptionHandlers.METRICS_KEY) instanceof StreamMetrics m) {
            metrics = m;
        }
    }

    /** @return whether the record is safely in the dead-letter topic, so processing may continue */
    boolean route(DeadLetterReason reason, String topic, int partition, long offset, byte[] key, byte[] value,
                  Headers headers, Exception e) {
        log.error("{} at {}-{}@{}: {}", reason.tag(), topic, partition, offset, e.toString(), e);
        if (metrics != null) {
            metrics.deadLetter(reason);
        }
        if (publisher == null) {
            log.error("no dead-letter publisher configured: stopping rather than dropping {}-{}@{}", topic, partition, offset);
            return false;
        }
        try {
            publisher.publish(key, value, DeadLetterHeaders.of(headers, reason, topic, partition, offset, e));
        } catch (DeadLetterPublisher.DeadLetterException failed) {
            log.error("stopping: {}", failed.getMessage(), failed);
            return false;
        }
        if (metrics != null) {
            metrics.produced("dead-letter");
        }
        return true;
    }
}
