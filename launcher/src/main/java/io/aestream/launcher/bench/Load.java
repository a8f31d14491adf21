package io.aestream.launcher.bench;

import io.aestream.launcher.kafka.LocalKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.LockSupport;

/** Input for the bench: {@link SensorRows} as JSON records over {@link #KEYS} keys, all at once or paced. */
final class Load {
    static final int KEYS = 64;

    private final LocalKafka kafka;

    Load(LocalKafka kafka) {
        this.kafka = kafka;
    }

    /**
     * Lingers 1 ms and batches up to 128 KiB so a paced run's records share requests: without lingering, "50 %" of
     * the identity's rate (62,668 records/s asked) sent 146,505 records in 11 s, 13,300 a second, while the broker's
     * per-request work shared the cores with the client under test. The millisecond is in every client's latency alike.
     */
    KafkaProducer<byte[], byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 1, ProducerConfig.BATCH_SIZE_CONFIG, 131_072, ProducerConfig.ACKS_CONFIG, "1",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    /**
     * Writes {@code records} rows of {@code columns} values to {@code topic}, keys taking turns over {@code keys}
     * sources, and waits until all are stored.
     */
    void fill(String topic, int columns, int records, int keys) {
        SensorRows rows = new SensorRows(columns, BenchModels.SEED + 1);
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, null, System.currentTimeMillis(), key(i, keys),
                        SensorRows.json(System.currentTimeMillis(), rows.next())));
            }
            producer.flush();
        }
    }

    static ProducerRecord<byte[], byte[]> record(String topic, long i, double[] row, long ts) {
        return new ProducerRecord<>(topic, null, ts, key(i, KEYS), SensorRows.json(ts, row));
    }

    private static byte[] key(long i, int keys) {
        return ("sensor-" + i % keys).getBytes(StandardCharsets.UTF_8);
    }

    /** Sends rows at {@code perSecond} for {@code nanos}, each stamped with its send time; returns how many it sent. */
    static long paced(KafkaProducer<byte[], byte[]> producer, String topic, int columns, double perSecond, long nanos) {
        SensorRows rows = new SensorRows(columns, BenchModels.SEED + 2);
        long start = System.nanoTime();
        long sent = 0;
        while (true) {
            long elapsed = System.nanoTime() - start;
            if (elapsed >= nanos) {
                return sent;
            }
            long due = (long) (elapsed / 1e9 * perSecond);
            for (; sent < due; sent++) {
                producer.send(record(topic, sent, rows.next(), System.currentTimeMillis()));
            }
            LockSupport.parkNanos(200_000);
        }
    }

    /** Records in {@code topic} (sum of its partitions' end offsets). */
    long count(Admin admin, String topic, int partitions) throws InterruptedException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        try {
            return admin.listOffsets(latest).all().get().values().stream().mapToLong(i -> i.offset()).sum();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return 0; // just created: the broker's metadata has not caught up yet
            }
            throw new IllegalStateException("cannot read the end offsets of " + topic + ": " + e.getCause().getMessage(), e);
        }
    }

    Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }
}
