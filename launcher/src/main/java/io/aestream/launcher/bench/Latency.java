package io.aestream.launcher.bench;

import io.aestream.launcher.kafka.LocalKafka;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * End-to-end latency at a paced rate: rows are stamped with their send time; a read_committed consumer (what a
 * downstream consumer sees, also under exactly-once) takes receive time minus that stamp, which outputs carry over
 * from their input record. Records sent during the first second of the run are left out (warm-up).
 */
final class Latency {
    private static final Duration WARM_UP = Duration.ofSeconds(1);
    /** After the last send: wait at most this long for outputs, and stop once none came for {@link #QUIET}. */
    private static final Duration SETTLE = Duration.ofSeconds(3);
    private static final Duration QUIET = Duration.ofMillis(500);

    /** Milliseconds; {@code samples} of {@code sent} records (those sent after the warm-up and received in time). */
    record Percentiles(double p50, double p99, double p999, int samples, long sent) { }

    private Latency() {
    }

    static Percentiles measure(LocalKafka kafka, Load load, String input, int columns, double perSecond, Duration run,
                               Callable<Subjects.Started> start) throws Exception {
        try (Subjects.Started subject = start.call();
             KafkaConsumer<byte[], byte[]> consumer = consumer(kafka);
             KafkaProducer<byte[], byte[]> producer = load.producer()) {
            consumer.subscribe(List.of(subject.output()));
            awaitFirstOutput(consumer, producer, input, columns);
            long measureFrom = System.currentTimeMillis() + WARM_UP.toMillis();
            long[] latencies = new long[(int) (perSecond * (run.toSeconds() + WARM_UP.toSeconds() + 1)) + 16];
            int[] n = {0};
            AtomicBoolean sending = new AtomicBoolean(true);
            long[] sent = {0};
            Thread sender = new Thread(() -> {
                sent[0] = Load.paced(producer, input, columns, perSecond, run.plus(WARM_UP).toNanos());
                producer.flush();
                sending.set(false);
            }, "bench-paced-producer");
            sender.start();
            long lastReceived = System.currentTimeMillis();
            long settleUntil = Long.MAX_VALUE;
            while (System.currentTimeMillis() < settleUntil) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(5))) {
                    lastReceived = System.currentTimeMillis();
                    if (r.timestamp() >= measureFrom && n[0] < latencies.length) {
                        latencies[n[0]++] = lastReceived - r.timestamp();
                    }
                }
                if (!sending.get() && settleUntil == Long.MAX_VALUE) {
                    settleUntil = System.currentTimeMillis() + SETTLE.toMillis();
                }
                if (!sending.get() && System.currentTimeMillis() - lastReceived > QUIET.toMillis()) {
                    break;
                }
            }
            sender.join();
            return percentiles(Arrays.copyOf(latencies, n[0]), sent[0]);
        }
    }

    /** Sends single rows until the subject answers: it is then past start-up and rebalancing. */
    private static void awaitFirstOutput(KafkaConsumer<byte[], byte[]> consumer, KafkaProducer<byte[], byte[]> producer,
                                         String input, int columns) {
        SensorRows rows = new SensorRows(columns, BenchModels.SEED + 3);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        for (long i = 0; System.nanoTime() < deadline; i++) {
            // a whole window per key for the window layout, so the subject has frames to answer with
            for (int k = 0; k < Load.KEYS * 8; k++) {
                producer.send(Load.record(input, i * Load.KEYS * 8 + k, rows.next(), System.currentTimeMillis()));
            }
            producer.flush();
            if (!consumer.poll(Duration.ofMillis(500)).isEmpty()) {
                consumer.poll(Duration.ofMillis(500));
                return;
            }
        }
        throw new IllegalStateException("no output from the subject within 2 minutes");
    }

    static Percentiles percentiles(long[] values, long sent) {
        if (values.length == 0) {
            return new Percentiles(Double.NaN, Double.NaN, Double.NaN, 0, sent);
        }
        Arrays.sort(values);
        return new Percentiles(at(values, 0.5), at(values, 0.99), at(values, 0.999), values.length, sent);
    }

    private static double at(long[] sorted, double q) {
        return sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private static KafkaConsumer<byte[], byte[]> consumer(LocalKafka kafka) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "bench-latency-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest", ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
    }
}
