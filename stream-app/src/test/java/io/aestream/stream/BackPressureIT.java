package io.aestream.stream;

import io.aestream.stream.config.Settings;
import io.aestream.stream.config.StreamConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
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
        private static final Pattern HEAP = Pattern.compile("^jvm_memory_used_bytes\\{area=\"heap\".*} ([0-9.eE+]+)$", Pattern.MULTILINE);
        private final HttpClient http = HttpClient.newHttpClient();
        private final URI metrics;
        volatile long max;
        volatile int samples;
        volatile boolean lastReady;

        HeapSampler(int port) {
            metrics = URI.create("http://127.0.0.1:" + port + "/metrics");
        }

        @Override
        public void run() {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    String body = http.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(2)).build(),
                            HttpResponse.BodyHandlers.ofString()).body();
                    double used = 0;
                    Matcher m = HEAP.matcher(body);
                    while (m.find()) {
                        used += Double.parseDouble(m.group(1));
                    }
                    max = Math.max(max, (long) used);
                    samples++;
                    lastReady = body.contains("aestream_ready 1.0");
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception notUpYet) {
                    // the app is still starting: try again
                    try {
                        Thread.sleep(250);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }
    }
}
