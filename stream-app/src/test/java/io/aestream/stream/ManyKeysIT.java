package io.aestream.stream;

import io.aestream.stream.config.ConfigLoader;
import io.aestream.stream.config.Settings;
import io.aestream.stream.config.StreamConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-key window state lives in RocksDB, not on the heap: a window-layout app in its own 256 MiB JVM takes one row
 * from each of many distinct sources (100,000 in the suite; {@code -Daestream.manyKeys=1000000} for the documented
 * run), every source's ring lands in the window store, and the heap stays bounded while RSS is reported beside it.
 */
class ManyKeysIT {
    private static final int KEYS = Integer.getInteger("aestream.manyKeys", 100_000);
    @TempDir
    static Path tmp;
    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = EmbeddedKafka.start();
        kafka.createTopics(4, "many-keys-frames");
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void shouldKeepEverySourcesWindowInTheStoreWithABoundedHeap() throws Exception {
        int port = AppMetrics.freePort();
        Map<String, String> settings = new HashMap<>(Map.of(Settings.BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
                Settings.MODEL_PATH, TestBundles.random(tmp.resolve("bundle"), TestBundles.windowSpec(), 7).location().toString(),
                Settings.INPUT_TOPIC, "many-keys-frames", Settings.APPLICATION_ID, "aestream-many-keys",
                Settings.STATE_DIR, tmp.resolve("state").toString(), Settings.HTTP_HOST, "127.0.0.1",
                Settings.HTTP_PORT, Integer.toString(port), Settings.OUTPUTS, "scores"));
        StreamConfig config = ConfigLoader.load(settings, Map.of());
        try (KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
            for (int k = 0; k < KEYS; k++) {
                producer.send(new ProducerRecord<>(config.topics().input(), ("source-" + k).getBytes(StandardCharsets.UTF_8),
                        String.format(Locale.ROOT, "{\"ts\": 1000, \"values\": [%.3f, 1]}", Math.sin(k)).getBytes(StandardCharsets.UTF_8)));
            }
        }
        Process app = AppProcess.start(tmp, "many-keys", settings, "-Xmx256m", "-XX:+ExitOnOutOfMemoryError");
        try {
            AppMetrics metrics = new AppMetrics(port);
            long maxHeap = 0;
            long maxRss = 0;
            double consumed = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (consumed < KEYS && System.nanoTime() < deadline && app.isAlive()) {
                Thread.sleep(500);
                for (String text : metrics.scrape().stream().toList()) {
                    maxHeap = Math.max(maxHeap, (long) AppMetrics.sum(AppMetrics.HEAP_USED, text));
                    consumed = AppMetrics.sum(AppMetrics.FRAMES_CONSUMED, text);
                    maxRss = Math.max(maxRss, rssBytes(app.pid()));
                }
            }
            long stateBytes;
            try (var files = Files.walk(tmp.resolve("state"))) {
                stateBytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
            }
            System.out.printf("many keys: %d sources, %.0f rows consumed; heap used max %.1f MiB (limit 256), RSS max %.1f MiB,"
                    + " state dir %.1f MiB%n", KEYS, consumed, maxHeap / 1048576.0, maxRss / 1048576.0, stateBytes / 1048576.0);
            assertThat(app.isAlive()).isTrue();
            assertThat(consumed).isGreaterThanOrEqualTo(KEYS);
            assertThat(maxHeap).isLessThan(256L << 20);
        } finally {
            app.destroyForcibly().waitFor();
        }
    }

    private static long rssBytes(long pid) throws java.io.IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return 0;
    }
}
