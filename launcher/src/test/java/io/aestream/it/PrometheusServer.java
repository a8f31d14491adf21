package io.aestream.it;

import io.aestream.deploy.Tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/**
 * A real Prometheus server as a child process, scraping one target every second as job {@code aestream}, with its
 * storage, config and log in a directory of the caller's. {@link #query} evaluates PromQL through the HTTP API.
 */
final class PrometheusServer implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An instant query's outcome: {@code error} is null on success, then {@code series} counts the result. */
    record Result(String error, int series) {
    }

    private final Process process;
    private final Path log;
    private final URI base;
    /** Kills Prometheus should the test JVM exit without closing it, e.g. on a failsafe timeout. */
    private final Thread killOnExit;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private PrometheusServer(Process process, Path log, URI base) {
        this.process = process;
        this.log = log;
        this.base = base;
        this.killOnExit = new Thread(process::destroyForcibly, "prometheus-kill");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /** Starts prometheus ({@link Tools#prometheus()}) scraping {@code 127.0.0.1:targetPort} and waits until it reports ready. */
    static PrometheusServer start(Path dir, int targetPort) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path config = Files.writeString(dir.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                  scrape_timeout: 1s
                scrape_configs:
                  - job_name: aestream
                    static_configs:
                      - targets: ["127.0.0.1:%d"]
                """.formatted(targetPort));
        String address = "127.0.0.1:" + freePort();
        Path log = dir.resolve("prometheus.log");
        Process process = new ProcessBuilder(Tools.prometheus().toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=" + address)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PrometheusServer server = new PrometheusServer(process, log, URI.create("http://" + address));
        try {
            server.awaitReady();
        } catch (RuntimeException | Error | InterruptedException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** True once the {@code aestream} target's last scrape succeeded. */
    boolean targetUp() {
        for (JsonNode target : get("/api/v1/targets").path("data").path("activeTargets")) {
            if ("up".equals(target.path("health").asText())) {
                return true;
            }
        }
        return false;
    }

    Result query(String promql) {
        JsonNode response = get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        if (!"success".equals(response.path("status").asText())) {
            return new Result(response.path("errorType").asText() + ": " + response.path("error").asText(), 0);
        }
        JsonNode data = response.path("data");
        boolean series = List.of("vector", "matrix").contains(data.path("resultType").asText());
        // A scalar or string result is one [time, value] pair, not a list of series.
        return new Result(null, series ? data.path("result").size() : 1);
    }

    /** The last lines Prometheus logged, for failure messages. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        Runtime.getRuntime().removeShutdownHook(killOnExit);
    }

    private void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("prometheus exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                if (http.send(request("/-/ready"), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // Retried until the deadline; the log says why if it never listens.
            }
            Thread.sleep(200);
        }
        fail("prometheus not ready within " + START_TIMEOUT + ":\n" + logTail());
    }

    private JsonNode get(String pathAndQuery) {
        try {
            // Prometheus answers 400/422 with a JSON error body, which query() reports.
            return JSON.readTree(http.send(request(pathAndQuery), HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + pathAndQuery + " from prometheus failed; its log:\n" + logTail(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest request(String pathAndQuery) {
        return HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(10)).build();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
