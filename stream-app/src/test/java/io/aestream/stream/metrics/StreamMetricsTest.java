package io.aestream.stream.metrics;

import io.aestream.stream.TestBundles;
import io.aestream.stream.errors.DeadLetterReason;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class StreamMetricsTest {
    @TempDir
    Path tmp;

    @Test
    void shouldExposeContractNamesWhenScrapedByPrometheus() throws IOException {
        // Given
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        StreamMetrics metrics = new StreamMetrics(registry);
        var bundle = TestBundles.vector(tmp.resolve("b"));
        metrics.bindModel(() -> bundle);
        metrics.modelLoaded(bundle);
        metrics.bindReady(() -> true);
        // When
        metrics.consumed("vector");
        metrics.inference(2_000);
        metrics.scored("vector", 0.03, false, System.currentTimeMillis());
        metrics.produced("scores");
        metrics.deadLetter(DeadLetterReason.BAD_TIMESTAMP);
        metrics.likelihood(0.97);
        metrics.fineTune(true);
        String text = registry.scrape();
        // Then the names the dashboards use, with fixed error buckets for heatmaps
        assertThat(text).contains("aestream_frames_consumed_total{layout=\"vector\"} 1.0",
                "aestream_frames_consumed_total{layout=\"audio\"} 0.0", "aestream_frames_scored_total{layout=\"vector\"} 1.0",
                "aestream_records_produced_total{output=\"scores\"} 1.0", "aestream_records_produced_total{output=\"dead-letter\"} 0.0",
                "aestream_inference_seconds_bucket", "aestream_frame_latency_seconds_bucket",
                "aestream_reconstruction_error_bucket{le=\"0.001\"} 0", "aestream_reconstruction_error_bucket{le=\"0.05\"} 1",
                "aestream_reconstruction_error_bucket{le=\"100.0\"} 1", "aestream_anomalies_total 0.0",
                "aestream_events_opened_total 0.0", "aestream_events_closed_total 0.0", "aestream_events_open 0.0",
                "aestream_dead_letters_total{reason=\"bad-timestamp\"} 1.0", "aestream_dead_letters_total{reason=\"processing-error\"} 0.0",
                "aestream_model_info{kind=\"undercomplete\",version=\"test-model-1\"} 1", "aestream_model_threshold 0.5",
                "aestream_ready 1.0", "aestream_anomaly_likelihood_bucket{le=\"0.9\"} 0",
                "aestream_anomaly_likelihood_bucket{le=\"0.99\"} 1", "aestream_anomaly_likelihood_count 1",
                "aestream_adaptive_finetunes_total{outcome=\"accepted\"} 1.0",
                "aestream_adaptive_finetunes_total{outcome=\"rejected\"} 0.0");
    }

    @Test
    void shouldTrackOpenEventsWhenOpenedClosedOrMovedWithTasks() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        StreamMetrics metrics = new StreamMetrics(registry);
        metrics.eventOpened();
        metrics.eventOpened();
        metrics.eventClosed();
        metrics.openEventsMoved(3);
        metrics.openEventsMoved(-1);
        assertThat(registry.get("aestream.events.open").gauge().value()).isEqualTo(3);
        assertThat(registry.get("aestream.events.opened").counter().count()).isEqualTo(2);
        assertThat(registry.get("aestream.events.closed").counter().count()).isEqualTo(1);
    }

    @Test
    void shouldFollowReadinessAndCountFlaggedFramesWhenStateChanges() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        StreamMetrics metrics = new StreamMetrics(registry);
        AtomicBoolean ready = new AtomicBoolean(false);
        metrics.bindReady(ready::get);
        metrics.bindModel(() -> null);
        assertThat(registry.get("aestream.ready").gauge().value()).isZero();
        assertThat(registry.get("aestream.model.threshold").gauge().value()).isNaN();
        ready.set(true);
        metrics.scored("window", 7, true, 0);
        assertThat(registry.get("aestream.ready").gauge().value()).isEqualTo(1);
        assertThat(registry.get("aestream.anomalies").counter().count()).isEqualTo(1);
        assertThat(registry.get("aestream.reconstruction.error").summary().max()).isEqualTo(7);
    }

    @Test
    void shouldTimeOneCallInSixteenButCountEveryFrameWhenFramesAreScored() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        StreamMetrics metrics = new StreamMetrics(registry);
        for (int i = 0; i < 33; i++) {
            metrics.inference(1_000 * (i + 1));
            metrics.scored("vector", 0.1, false, System.currentTimeMillis());
        }
        // calls 0, 16 and 32 are timed: 1, 17 and 33 µs
        assertThat(registry.get("aestream.inference").timer().count()).isEqualTo(3);
        assertThat(registry.get("aestream.inference").timer().totalTime(java.util.concurrent.TimeUnit.MICROSECONDS))
                .isEqualTo(51.0);
        assertThat(registry.get("aestream.frame.latency").timer().count()).isEqualTo(3);
        assertThat(registry.get("aestream.frames.scored").counter().count()).isEqualTo(33);
        assertThat(registry.get("aestream.reconstruction.error").summary().count()).isEqualTo(33);
    }
}
