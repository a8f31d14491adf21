package io.aestream.stream;

import io.aestream.stream.config.ConfigLoader;
import io.aestream.stream.config.Settings;
import io.aestream.stream.config.StreamConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code aestream stream}: runs the stream app until SIGTERM/SIGINT. Settings come from the environment (see
 * {@link Settings}) and AESTREAM_CONFIG_FILE; options given here override both.
 */
@Command(name = "stream", mixinStandardHelpOptions = true,
        description = "Reconstruct frames from Kafka in real time: denoised frames, scores, anomaly events, dead letters.")
public final class StreamCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(StreamCommand.class);
    private final Map<String, String> env;

    @Option(names = "--config-file", description = "Properties file (env: AESTREAM_CONFIG_FILE)")
    String configFile;
    @Option(names = "--bootstrap-servers", description = "Kafka bootstrap servers (env: KAFKA_BOOTSTRAP_SERVERS)")
    String bootstrapServers;
    @Option(names = "--application-id", description = "Kafka Streams application id (env: AESTREAM_APPLICATION_ID)")
    String applicationId;
    @Option(names = "--model", description = "Model bundle directory or zip (env: AESTREAM_MODEL_PATH)")
    String modelPath;
    @Option(names = "--classifier", description = "Classifier bundle pre-trained from the model: names the anomaly type"
            + " (env: AESTREAM_CLASSIFIER_PATH)")
    String classifierPath;
    @Option(names = "--input-topic", description = "Input topic (env: AESTREAM_INPUT_TOPIC)")
    String inputTopic;
    @Option(names = "--input-format", description = "json or binary (env: AESTREAM_INPUT_FORMAT)")
    String inputFormat;
    @Option(names = "--processing-guarantee", description = "at_least_once or exactly_once_v2 (env: AESTREAM_PROCESSING_GUARANTEE)")
    String guarantee;
    @Option(names = "--threads", description = "Stream threads (env: AESTREAM_STREAM_THREADS)")
    String threads;
    @Option(names = "--http-port", description = "HTTP port for /metrics and /health (env: AESTREAM_HTTP_PORT)")
    String httpPort;
    @Option(names = "--state-dir", description = "Kafka Streams state directory (env: AESTREAM_STATE_DIR)")
    String stateDir;
    @Option(names = "--adaptive", description = "off, on, or an adaptive-config JSON file (env: AESTREAM_ADAPTIVE)")
    String adaptive;

    public StreamCommand() {
        this(System.getenv());
    }

    StreamCommand(Map<String, String> env) {
        this.env = env;
    }

    /** The configuration this invocation runs with. */
    StreamConfig config() {
        Map<String, String> overrides = new HashMap<>();
        put(overrides, Settings.CONFIG_FILE, configFile);
        put(overrides, Settings.BOOTSTRAP_SERVERS, bootstrapServers);
        put(overrides, Settings.APPLICATION_ID, applicationId);
        put(overrides, Settings.MODEL_PATH, modelPath);
        put(overrides, Settings.CLASSIFIER_PATH, classifierPath);
        put(overrides, Settings.INPUT_TOPIC, inputTopic);
        put(overrides, Settings.INPUT_FORMAT, inputFormat);
        put(overrides, Settings.PROCESSING_GUARANTEE, guarantee);
        put(overrides, Settings.STREAM_THREADS, threads);
        put(overrides, Settings.HTTP_PORT, httpPort);
        put(overrides, Settings.STATE_DIR, stateDir);
        put(overrides, Settings.ADAPTIVE, adaptive);
        return ConfigLoader.load(env, overrides);
    }

    private static void put(Map<String, String> m, String key, String value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        RunningApp app;
        try {
            // the bundle is only read at start, so a model or adaptive config that does not fit it fails there
            app = StreamApp.start(config());
        } catch (IllegalArgumentException e) {
            LOG.error("invalid configuration: {}", e.getMessage());
            return 2;
        }
        Thread hook = new Thread(app::close, "aestream-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        app.awaitStop(Duration.ofDays(365_000));
        boolean failed = !app.isLive();
        if (failed) {
            // Stopped by itself (not by the hook): close now so the exit status reports the failure.
            Runtime.getRuntime().removeShutdownHook(hook);
            app.close();
        }
        return failed ? 1 : 0;
    }
}
