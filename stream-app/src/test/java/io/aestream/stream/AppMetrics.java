package io.aestream.stream;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads an app process's own /metrics (Prometheus text), the way an operator's scraper would. */
final class AppMetrics {
    static final Pattern HEAP_USED = series("jvm_memory_used_bytes\\{area=\"heap\"");
    static final Pattern FRAMES_CONSUMED = series("aestream_frames_consumed_total\\{");
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI uri;

    AppMetrics(int port) {
        uri = URI.create("http://127.0.0.1:" + port + "/metrics");
    }

    /** A port nothing listens on now, for an app process whose metrics the test reads. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The metrics text, or empty while the app is not serving yet. */
    Optional<String> scrape() throws InterruptedException {
        try {
            return Optional.of(http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException notServingYet) {
            return Optional.empty();
        }
    }

    /** The sum of every series {@code metric} matches (e.g. all heap pools). */
    static double sum(Pattern metric, String text) {
        double total = 0;
        Matcher m = metric.matcher(text);
        while (m.find()) {
            total += Double.parseDouble(m.group(1));
        }
        return total;
    }

    static boolean ready(String text) {
        return text.contains("aestream_ready 1.0");
    }

    private static Pattern series(String nameAndTagsStart) {
        return Pattern.compile("^" + nameAndTagsStart + "[^}]*} ([0-9.eE+]+)$", Pattern.MULTILINE);
    }
}
