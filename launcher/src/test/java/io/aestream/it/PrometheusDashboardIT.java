package io.aestream.it;

import io.aestream.adaptive.AdaptiveConfig;
import io.aestream.adaptive.FineTuneConfig;
import io.aestream.adaptive.FineTuneSchedule;
import io.aestream.adaptive.LikelihoodConfig;
import io.aestream.bundle.Json;
import io.aestream.deploy.DashboardExpressions;
import io.aestream.deploy.DashboardExpressions.Expression;
import io.aestream.launcher.kafka.LocalKafka;
import io.aestream.stream.RunningApp;
import io.aestream.stream.StreamApp;
import io.aestream.stream.config.ConfigLoader;
import io.aestream.stream.config.Settings;
import io.aestream.stream.config.StreamConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Grafana panel expression and every alert expression in {@code dashboards/}, evaluated by a real Prometheus
 * that scrapes the stream app while it processes frames (with anomaly events and dead letters) from a local broker.
 * An expression fails if Prometheus rejects it, or if one of its {@link PromQlOperands operands} returns no series:
 * the alert thresholds are not crossed in a healthy run, but a misspelt metric or label leaves an operand empty.
 * The app runs with adaptive detection, from a config file as the Helm chart mounts it, so the likelihood and
 * fine-tune panels have data too: flagged by the bundle's threshold, so events open and close as with fixed
 * scoring, and fine-tuned every {@link #FINE_TUNE_EVERY} frames per sensor. A classifier beside the model names the
 * events' class, so the events-by-class panel has data too.
 */
class PrometheusDashboardIT {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SCRAPE_TIMEOUT = Duration.ofSeconds(40);
    /** True once Prometheus has scraped the traffic the dashboards are about, not only the meters at zero. */
    private static final List<String> TRAFFIC_SCRAPED = List.of("sum(aestream_frames_scored_total) > 0",
            "sum(aestream_events_closed_total) > 0", "sum(aestream_dead_letters_total) > 0",
            "sum(aestream_anomaly_likelihood_count) > 0", "sum(aestream_adaptive_finetunes_total) > 0",
            "count_over_time(aestream_ready[1m]) >= 3");
    /** Frames per sensor between fine-tunes: at 10 frames a second, one every 2 s. */
    private static final int FINE_TUNE_EVERY = 20;

    @TempDir
    static Path tmp;
    private static LocalKafka kafka;
    private static StreamConfig config;
    private static RunningApp app;
    private static PrometheusServer prometheus;

    @BeforeAll
    static void startBrokerAppAndPrometheus() throws Exception {
        kafka = LocalKafka.start();
        Path bundle = TestModel.write(tmp.resolve("bundle"));
        config = ConfigLoader.load(Map.of(Settings.BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
                Settings.MODEL_PATH, bundle.toString(),
                Settings.CLASSIFIER_PATH, TestModel.writeClassifier(tmp.resolve("classifier"), bundle).toString(),
                Settings.STATE_DIR, tmp.resolve("state").toString(),
                Settings.HTTP_HOST, "127.0.0.1",
                Settings.HTTP_PORT, "0",
                Settings.EVENT_OPEN_AFTER, "2",
                Settings.EVENT_CLOSE_AFTER, "3",
                Settings.ADAPTIVE, writeAdaptiveConfig(tmp.resolve("adaptive.json")).toString()), Map.of());
        kafka.createTopics(1, config.topics().all());
        app = StreamApp.start(config);
        assertThat(app.awaitReady(READY_TIMEOUT)).as("stream app ready within %s", READY_TIMEOUT).isTrue();
        prometheus = PrometheusServer.start(tmp.resolve("prometheus"), app.httpPort());
    }

    /** Fixed-threshold flags, a likelihood that warms up within seconds, and quick one-epoch fine-tunes. */
    private static Path writeAdaptiveConfig(Path file) throws IOException {
        AdaptiveConfig config = AdaptiveConfig.fixed()
                .withLikelihood(new LikelihoodConfig(3, 100, 10, 1e-3))
                .withFineTuning(new FineTuneSchedule(FINE_TUNE_EVERY, 2, FINE_TUNE_EVERY, FINE_TUNE_EVERY / 2, 0.2, 0.0,
                        new FineTuneConfig(1, 1e-3, 8, 1L)));
        Json.mapper().writeValue(file.toFile(), config);
        return file;
    }

    @AfterAll
    static void stopAll() throws Exception {
        try {
            if (prometheus != null) {
                prometheus.close();
            }
        } finally {
            try {
                if (app != null) {
                    app.close();
                }
            } finally {
                if (kafka != null) {
                    kafka.close();
                }
            }
        }
    }

    @Test
    void shouldReturnSeriesForEveryPanelAndAlertExpressionWhenPrometheusScrapesBusyApp() throws Exception {
        // Given every expression the dashboards and alerting rules ship
        List<Expression> expressions = DashboardExpressions.all(repoRoot().resolve("dashboards"));
        assertThat(expressions).as("expressions in dashboards/").isNotEmpty();

        try (FrameFeed feed = FrameFeed.start(kafka.bootstrapServers(), config.topics().input())) {
            // When the app scores frames, opens and closes events and dead-letters records while Prometheus scrapes it
            List<String> notScraped = awaitNoFailures(() -> {
                List<String> missing = new ArrayList<>(TRAFFIC_SCRAPED.stream().filter(q -> !hasSeries(q)).toList());
                feed.failure().ifPresent(e -> missing.add("producing frames failed: " + e));
                return missing;
            });
            assertThat(notScraped).as("traffic not seen by Prometheus (target up: %s); its log:%n%s",
                    prometheus.targetUp(), prometheus.logTail()).isEmpty();

            // Then every expression evaluates and each of its operands returns series; rate windows fill up
            // while the feed keeps going, so failures are retried until the deadline
            List<String> failures = awaitNoFailures(() -> expressions.stream().flatMap(e -> failures(e).stream()).toList());
            assertThat(failures).as("%d of %d expressions failed (target up: %s)", failures.size(), expressions.size(),
                    prometheus.targetUp()).isEmpty();
        }
    }

    /** Why {@code expression} fails: Prometheus' error, or each operand that returned no series. */
    private static List<String> failures(Expression expression) {
        PrometheusServer.Result whole = prometheus.query(expression.promql());
        if (whole.error() != null) {
            return List.of(expression.source() + ": " + whole.error() + "\n    in: " + expression.promql());
        }
        List<String> failures = new ArrayList<>();
        for (String operand : PromQlOperands.of(expression.promql())) {
            PrometheusServer.Result result = operand.equals(expression.promql()) ? whole : prometheus.query(operand);
            if (result.error() != null || result.series() == 0) {
                String why = result.error() != null ? result.error() : "no series";
                failures.add(expression.source() + ": " + why + "\n    for: " + operand
                        + (operand.equals(expression.promql()) ? "" : "\n    in: " + expression.promql()));
            }
        }
        return failures;
    }

    private static boolean hasSeries(String promql) {
        PrometheusServer.Result result = prometheus.query(promql);
        return result.error() == null && result.series() > 0;
    }

    /** Repeats {@code check} once a scrape interval until it finds nothing wrong, or the deadline; its last answer. */
    private static List<String> awaitNoFailures(Supplier<List<String>> check) throws InterruptedException {
        long deadline = System.nanoTime() + SCRAPE_TIMEOUT.toNanos();
        List<String> failures = check.get();
        while (!failures.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            failures = check.get();
        }
        return failures;
    }

    /** The nearest directory, from the working directory up, holding {@code dashboards/alerts}. */
    private static Path repoRoot() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("dashboards").resolve("alerts"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no dashboards/alerts above " + start);
    }
}
