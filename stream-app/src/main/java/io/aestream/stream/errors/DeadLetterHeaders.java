package io.aestream.stream.errors;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;

/**
 * The headers of a dead letter: the original record's headers plus why it failed and where it came from, so it
 * can be inspected and replayed.
 */
public final class DeadLetterHeaders {
    public static final String REASON = "aestream.dlq.reason";
    public static final String SOURCE_TOPIC = "aestream.dlq.source.topic";
    public static final String SOURCE_PARTITION = "aestream.dlq.source.partition";
    public static final String SOURCE_OFFSET = "aestream.dlq.source.offset";
    public static final String EXCEPTION_CLASS = "aestream.dlq.exception.class";
    public static final String MESSAGE = "aestream.dlq.message";
    /** Long messages (e.g. a parser echoing a huge payload) are cut so the headers stay small. */
    static final int MAX_MESSAGE_CHARS = 512;

    private DeadLetterHeaders() {
    }

    /** The dead-letter headers for a record read from {@code topic}/{@code partition}/{@code offset}. */
    public static Headers of(Headers original, DeadLetterReason reason, String topic, int partition, long offset,
                             Throwable cause) {
        RecordHeaders headers = new RecordHeaders();
        if (original != null) {
            for (Header h : original) {
                if (!h.key().startsWith("aestream.dlq.")) {
                    headers.add(h.key(), h.value());
                }
            }
        }
        String message = String.valueOf(cause.getMessage());
        if (message.length() > MAX_MESSAGE_CHARS) {
            message = message.substring(0, MAX_MESSAGE_CHARS) + "…";
        }
        Throwable root = cause.getCause() != null ? cause.getCause() : cause;
        return headers.add(REASON, utf8(reason.tag()))
                .add(SOURCE_TOPIC, utf8(topic))
                .add(SOURCE_PARTITION, utf8(Integer.toString(partition)))
                .add(SOURCE_OFFSET, utf8(Long.toString(offset)))
                .add(EXCEPTION_CLASS, utf8(root.getClass().getName()))
                .add(MESSAGE, utf8(message));
    }

    private static byte[] utf8(String s) {
        return String.valueOf(s).getBytes(StandardCharsets.UTF_8);
    }
}
