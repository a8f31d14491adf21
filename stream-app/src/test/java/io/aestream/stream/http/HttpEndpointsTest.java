package io.aestream.stream.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class HttpEndpointsTest {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicBoolean live = new AtomicBoolean(true);
    private final AtomicBoolean ready = new AtomicBoolean(false);
    private final HttpClient client = HttpClient.newHttpClient();
    private HttpEndpoints http;

    @BeforeEach
    void setUp() throws Exception {
        http = HttpEndpoints.start("127.0.0.1", 0, registry, live::get, ready::get, () -> "REBALANCING");
    }

    @AfterEach
    void tearDown() {
        http.close();
    }

    @Test
    void shouldServePrometheusTextWhenMetricsRequested() throws Exception {
        Counter.builder("aestream.test.hits").register(registry).increment();
        HttpResponse<String> r = get("/metrics", "GET");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(r.body()).contains("aestream_test_hits_total 1.0");
    }

    @Test
    void shouldAnswer503UntilReadyAnd200WhenReady() throws Exception {
        HttpResponse<String> notReady = get("/health/ready", "GET");
        assertThat(notReady.statusCode()).isEqualTo(503);
        assertThat(notReady.body()).contains("not ready REBALANCING");
        ready.set(true);
        assertThat(get("/health/ready", "GET").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldAnswerLiveUntilBrokenWhenLivenessChanges() throws Exception {
        assertThat(get("/health/live", "GET").statusCode()).isEqualTo(200);
        live.set(false);
        assertThat(get("/health/live", "GET").statusCode()).isEqualTo(503);
    }

    @Test
    void shouldRefuseWhenMethodIsNotGet() throws Exception {
        assertThat(get("/metrics", "POST").statusCode()).isEqualTo(405);
    }

    private HttpResponse<String> get(String path, String method) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
