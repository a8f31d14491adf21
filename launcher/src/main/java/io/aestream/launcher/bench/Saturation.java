package io.aestream.launcher.bench;

import org.apache.kafka.clients.admin.Admin;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Saturated throughput: the subject starts on an input topic that already holds every record, and the rate counts
 * the output records after the first quarter, up to the last. Start-up, rebalancing and the JIT's warm-up are left
 * out: counted from the first record, a cold app with three outputs showed 0.21× the identity's rate in a run where
 * it kept up with 0.9× the identity's rate paced (p99 36 ms), because its longer code path compiles longer.
 */
final class Saturation {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    /** The share of the expected output records that the rate leaves out as warm-up. */
    private static final double WARM_UP_SHARE = 0.25;

    private Saturation() {
    }

    /** Output records/s of the subject {@code start} starts, once {@code expected} records are out. */
    static double measure(Load load, int partitions, long expected, Callable<Subjects.Started> start) throws Exception {
        try (Admin admin = load.admin(); Subjects.Started subject = start.call()) {
            long firstAt = 0;
            long firstCount = 0;
            long warmedUp = (long) (expected * WARM_UP_SHARE);
            // the last sample at or below the warm-up count: the interval starts there, so a subject that passes the
            // warm-up and finishes between two samples still gets a rate (over a longer interval) instead of 0/0
            long lastAt = System.nanoTime();
            long lastCount = 0;
            long deadline = lastAt + TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                long count = load.count(admin, subject.output(), partitions);
                long now = System.nanoTime();
                if (firstAt == 0 && count > warmedUp) {
                    firstAt = lastAt;
                    firstCount = lastCount;
                }
                if (count <= warmedUp) {
                    lastAt = now;
                    lastCount = count;
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
