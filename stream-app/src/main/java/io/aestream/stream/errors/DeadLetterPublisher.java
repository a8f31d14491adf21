package io.aestream.stream.errors;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Headers;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes dead letters from outside the topology: the exception handlers use it for records no processor could
 * route. It sends synchronously, so a handler only lets Kafka Streams move on once the record is safe. This
 * producer is not part of the streams transaction: under exactly-once a dead letter written here can be
 * duplicated (never lost) if the task later aborts. Thread-safe; owned and closed by the running app.
 */
public final class DeadLetterPublisher implements AutoCloseable {
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final Producer<byte[], byte[]> producer;
    private final String topic;

    public DeadLetterPublisher(Producer<byte[], byte[]> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    /** Sends and waits for the acknowledgement; throws if the record could not be written. */
    public void publish(byte[] key, byte[] value, Headers headers) throws DeadLetterException {
        try {
            producer.send(new ProducerRecord<>(topic, null, key, value, headers)).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            throw new DeadLetterException("cannot write dead letter to " + topic + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeadLetterException("interrupted writing dead letter to " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }

    /** A dead letter that could not be written. */
    public static final class DeadLetterException extends Exception {
        private static final long serialVersionUID = 1L;

        DeadLetterException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
