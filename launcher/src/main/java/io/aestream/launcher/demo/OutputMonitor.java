package io.aestream.launcher.demo;

import io.aestream.stream.message.EventMessage;
import io.aestream.stream.message.ScoreMessage;
import io.aestream.stream.serde.JsonSerde;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads every output topic of every demo pipeline on one background thread and files each record with its
 * pipeline's {@link PipelineStats}: scores, anomalies, denoised audio (PCM16) and dead letters.
 */
final class OutputMonitor implements AutoCloseable {
    private interface Sink {
        void accept(byte[] value);
    }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, Sink> sinks = new HashMap<>();
    private final Map<String, PipelineStats> stats = new HashMap<>();
    private final Thread thread;
    private volatile RuntimeException failure;

    OutputMonitor(String bootstrapServers, List<Pipeline> pipelines) {
        Deserializer<ScoreMessage> scores = JsonSerde.of(ScoreMessage.class).deserializer();
        Deserializer<EventMessage> events = JsonSerde.of(EventMessage.class).deserializer();
        for (Pipeline p : pipelines) {
            PipelineStats s = new PipelineStats();
            stats.put(p.name(), s);
            sinks.put(p.topics().scores(), v -> s.onScore(scores.deserialize(p.topics().scores(), v)));
            sinks.put(p.topics().anomalies(), v -> s.onEvent(events.deserialize(p.topics().anomalies(), v)));
            sinks.put(p.topics().deadLetter(), v -> s.onDeadLetter());
            if (p.audio()) {
                sinks.put(p.topics().denoised(), s::onDenoisedPcm);
            }
        }
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "aestream-demo-monitor",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(new ArrayList<>(sinks.keySet()));
        this.thread = new Thread(this::poll, "aestream-demo-monitor");
        thread.setDaemon(true);
        thread.start();
    }

    PipelineStats stats(Pipeline p) {
        if (failure != null) {
            throw failure;
        }
        return stats.get(p.name());
    }

    private void poll() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.value() != null) {
                        sinks.get(r.topic()).accept(r.value());
                    }
                }
            }
        } catch (WakeupException e) {
            // close() asked us to stop
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    @Override
    public void close() throws InterruptedException {
        consumer.wakeup();
        thread.join(10_000);
    }
}
