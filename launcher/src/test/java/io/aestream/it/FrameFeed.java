package io.aestream.it;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps the stream app busy until closed: every 100 ms one JSON frame (columns a, b, c of {@link TestModel}) for
 * each of four sensors, the odd ones anomalous for the first {@link #ANOMALOUS} frames of every {@link #CYCLE}, so
 * anomaly events keep opening and closing (with open after 2, close after 3 frames); and every round three malformed
 * records (bad JSON, wrong dimension, no key) for the dead-letter topic.
 */
final class FrameFeed implements AutoCloseable {
    private static final int SENSORS = 4;
    private static final int CYCLE = 10;
    private static final int ANOMALOUS = 4;

    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "frame-feed");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private int round;

    private FrameFeed(String bootstrapServers, String topic) {
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new StringSerializer());
        this.topic = topic;
    }

    static FrameFeed start(String bootstrapServers, String topic) {
        FrameFeed feed = new FrameFeed(bootstrapServers, topic);
        feed.scheduler.scheduleAtFixedRate(feed::sendRound, 0, 100, TimeUnit.MILLISECONDS);
        return feed;
    }

    /** Why producing stopped, if it did: a scheduled task that throws is never run again. */
    Optional<Exception> failure() {
        return Optional.ofNullable(failure.get());
    }

    @Override
    public void close() {
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close();
    }

    private void sendRound() {
        try {
            long ts = System.currentTimeMillis();
            boolean anomalous = round % CYCLE < ANOMALOUS;
            for (int s = 0; s < SENSORS; s++) {
                double c = anomalous && s % 2 == 1 ? TestModel.ANOMALOUS_C : TestModel.NORMAL_C;
                send("sensor-" + s, "{\"ts\": " + ts + ", \"values\": [1, 2, " + c + "]}");
            }
            send("sensor-0", "{\"ts\": " + ts + ", \"values\": [1, 2");
            send("sensor-1", "{\"ts\": " + ts + ", \"values\": [1, 2]}");
            send(null, "{\"ts\": " + ts + ", \"values\": [1, 2, 3]}");
            round++;
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
            throw e;
        }
    }

    private void send(String key, String value) {
        producer.send(new ProducerRecord<>(topic, key, value), (metadata, e) -> {
            if (e != null) {
                failure.compareAndSet(null, e);
            }
        });
    }
}
