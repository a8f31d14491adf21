package io.aestream.stream.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * HTTP for operators: GET {@code /metrics} (Prometheus text), {@code /health/live} (200 unless the app is broken
 * beyond recovery, else 503: restart me), {@code /health/ready} (200 when ready to serve, else 503). Other methods get
 * 405.
 */
public final class HttpEndpoints implements AutoCloseable {
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private final HttpServer server;
    private final ExecutorService executor;

    private HttpEndpoints(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Binds {@code host:port} (port 0: any free port) and starts serving.
     *
     * @param live   liveness, asked on every /health/live request
     * @param ready  readiness, asked on every /health/ready request
     * @param status a short state description for the health bodies (e.g. the streams state)
     */
    public static HttpEndpoints start(String host, int port, PrometheusMeterRegistry registry, BooleanSupplier live,
                                      BooleanSupplier ready, Supplier<String> status) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.createContext("/metrics", ex -> respond(ex, 200, PROMETHEUS_TEXT, registry.scrape()));
        server.createContext("/health/live", ex -> health(ex, live, "live", status));
        server.createContext("/health/ready", ex -> health(ex, ready, "ready", status));
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "aestream-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.start();
        return new HttpEndpoints(server, executor);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void health(HttpExchange ex, BooleanSupplier check, String what, Supplier<String> status) throws IOException {
        boolean ok = check.getAsBoolean();
        respond(ex, ok ? 200 : 503, "text/plain", (ok ? what : "not " + what) + " " + status.get() + "\n");
    }

    private static void respond(HttpExchange ex, int status, String contentType, String body) throws IOException {
        try (ex) {
            if (!"GET".equals(ex.getRequestMethod()) && !"HEAD".equals(ex.getRequestMethod())) {
                ex.getResponseHeaders().add("Allow", "GET, HEAD");
                ex.sendResponseHeaders(405, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", contentType);
            boolean head = "HEAD".equals(ex.getRequestMethod());
            ex.sendResponseHeaders(status, head ? -1 : bytes.length);
            if (!head) {
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(bytes);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
