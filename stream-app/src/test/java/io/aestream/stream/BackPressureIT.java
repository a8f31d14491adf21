package io.aestream.stream;

import io.aestream.stream.config.Settings;
import io.aestream.stream.config.StreamConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A burst far above what the app can score (the whole input written before it starts, then read as fast as the
 * broker delivers) against the app in its own JVM with a 256 MiB heap: Kafka Streams buffers a bounded number of
 * records per partition, so the heap stays bounded (sampled from the app's own /metrics while it catches up), the app
 * stays live and ready, and it scores every frame.
 */
class BackPressureIT {
    private static final int ROWS = 3_000;
    private static final long HEAP_MAX_BYTES = 256L << 20;
    @TempDir
    static Path tmp;
    private static EmbeddedKafka kafka;
    private static FaultRuns runs;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = EmbeddedKafka.start();
        runs = new FaultRuns(kafka, tmp, "burst-frames", Map.of(Settings.PROCESSING_GUARANTEE, "at_least_once"));
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void shouldKeepHeapBoundedAndCatchUpWhenABurstArrivesFasterThanItCanScore() throws Exception {
        int port = AppMetrics.freePort();
        Map<String, String> settings = runs.settings("burst", "burst", Map.of(Settings.HTTP_PORT, Integer.toString(port)));
        StreamConfig config = FaultRuns.config(settings);
        int total = FaultRuns.frames(ROWS);
        // Given 48,000 rows already waiting in the input topic
        runs.produce(0, ROWS);
        Process app = AppProcess.start(tmp, "burst", settings, "-Xmx256m", "-XX:+ExitOnOutOfMemoryError");
        try {
            // When the app starts on them, its heap sampled while it works through the backlog
            HeapSampler heap = new HeapSampler(port);
            Thread sampler = new Thread(heap, "heap-sampler");
            sampler.start();
            int scored = runs.scores(config, total).size();
            sampler.interrupt();
            sampler.join();
            System.out.printf("burst: %d frames scored of %d; heap used max %.1f MiB over %d samples%n", scored, total,
                    heap.max / 1048576.0, heap.samples);

            // Then it scored every frame (at least once), never failed, and its heap stayed under its limit
            assertThat(scored).isGreaterThanOrEqualTo(total);
            assertThat(app.isAlive()).as("the app is still running").isTrue();
            assertThat(heap.samples).as("heap samples taken").isGreaterThan(3);
            assertThat(heap.max).isLessThan(HEAP_MAX_BYTES);
            assertThat(heap.lastReady).as("ready at the end").isTrue();
        } finally {
            app.destroyForcibly().waitFor();
        }
    }

    /** Polls the app's /metrics for the summed heap use and its readiness until interrupted. */
    private static final class HeapSampler implements Runnable {
        private final AppMetrics metrics;
        volatile long max;
        volatile int samples;
        volatile boolean lastReady;

        HeapSampler(int port) {
            metrics = new AppMetrics(port);
        }

        @Override
        public void run() {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    for (String text : metrics.scrape().stream().toList()) {
                        max = Math.max(max, (long) AppMetrics.sum(AppMetrics.HEAP_USED, text));
                        samples++;
                        lastReady = AppMetrics.ready(text);
                    }
                    Thread.sleep(250);
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
