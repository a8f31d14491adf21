package io.aestream.launcher.produce;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends {@link FrameRecord}s to one topic in order, optionally paced to a rate; idempotent, so a retried send
 * neither duplicates nor reorders frames of a key.
 */
public final class FrameProducer implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;
    private final String topic;

    /** @param clientConfig extra Kafka producer settings (e.g. SASL/SSL), applied last */
    public FrameProducer(String bootstrapServers, String topic, Map<String, String> clientConfig) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.putAll(clientConfig);
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        this.topic = topic;
    }

    /**
     * Sends every record and waits until the broker has them all.
     *
     * @param perSecond records per second, or 0 for as fast as possible
     * @return the number of records sent
     */
    public long send(List<FrameRecord> records, double perSecond) throws InterruptedException {
        long start = System.nanoTime();
        long sent = 0;
        AtomicReference<Exception> failure = new AtomicReference<>();
        for (FrameRecord r : records) {
            if (perSecond > 0) {
                long due = start + (long) (sent * 1e9 / perSecond);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException("interrupted after " + sent + " of " + records.size() + " records");
                }
            }
            ProducerRecord<String, byte[]> rec = new ProducerRecord<>(topic, r.key(), r.value());
            r.headers().forEach((k, v) -> rec.headers().add(k, v));
            producer.send(rec, (meta, e) -> {
                if (e != null) {
                    failure.compareAndSet(null, e);
                }
            });
            sent++;
        }
        producer.flush();
        if (failure.get() != null) {
            throw new KafkaException("sending to " + topic + " failed: " + failure.get().getMessage(), failure.get());
        }
        return sent;
    }

    @Override
    public void close() {
        producer.close();
    }
}
