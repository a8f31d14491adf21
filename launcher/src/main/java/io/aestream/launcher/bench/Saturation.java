package io.aestream.launcher.bench;

import org.apache.kafka.clients.admin.Admin;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Saturated throughput: the subject starts on an input topic that already holds every record, and the rate counts
 * output records from the first to the last, so start-up and rebalancing are left out.
 */
final class Saturation {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private Saturation() {
    }

    /** Output records/s of the subject {@code start} starts, once {@code expected} records are out. */
    static double measure(Load load, int partitions, long expected, Callable<Subjects.Started> start) throws Exception {
        try (Admin admin = load.admin(); Subjects.Started subject = start.call()) {
            long firstAt = 0;
            long firstCount = 0;
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                long count = load.count(admin, subject.output(), partitions);
                long now = System.nanoTime();
                if (firstAt == 0 && count > 0) {
                    firstAt = now;
                    firstCount = count;
                }
                if (count >= expected) {
                    return (count - firstCount) / ((now - firstAt) / 1e9);
                }
                Thread.sleep(20);
            }
            throw new IllegalStateException(subject.output() + ": fewer than " + expected + " records after " + TIMEOUT);
        }
    }
}
