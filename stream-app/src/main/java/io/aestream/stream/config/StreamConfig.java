package io.aestream.stream.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Everything the stream app is configured with, validated at construction: every message names the setting
 * (as its environment variable) and the bad value. Built from the environment by {@link ConfigLoader}.
 *
 * @param eventOpenAfter  consecutive flagged frames that open an anomaly event; empty ({@code auto}): 3, a fifth of a
 *                 window's frames for a window layout, or 1 under adaptive alert suppression
 *                 ({@link io.aestream.scoring.EventDetector#defaultOpenAfter})
 * @param eventCloseAfter unflagged frames that close it; empty ({@code auto}): as many as the model's frames need
 *                 ({@link io.aestream.scoring.EventDetector#defaultCloseAfter})
 * @param kafka    extra Kafka client settings (e.g. {@code security.protocol}) passed to every client as they are
 * @param adaptive adaptive detection: off, on, or an explicit config (null: off)
 * @param outputFormat encoding of the scores and denoised values (null: JSON)
 * @param inputLimits what an input record may be before it is a dead letter (null: {@link InputLimits#DEFAULTS})
 * @param stateMemoryMb off-heap memory for all RocksDB state stores together (block cache and memtables), MiB
 * @param classifierPath a classifier bundle pre-trained from the model, or null for none
 */
public record StreamConfig(String bootstrapServers, String applicationId, Topics topics, Path modelPath,
                           InputFormat inputFormat, ProcessingGuarantee guarantee, int streamThreads,
                           OptionalInt eventOpenAfter, OptionalInt eventCloseAfter, String httpHost, int httpPort,
                           Path stateDir, int topFeatures, Map<String, String> kafka, AdaptiveSetting adaptive,
                           OutputFormat outputFormat, InputLimits inputLimits, int stateMemoryMb, Path classifierPath) {
    /** The state stores' memory budget unless AESTREAM_STATE_MEMORY_MB says otherwise. */
    public static final int DEFAULT_STATE_MEMORY_MB = 64;

    /** Settings with a dedicated variable, which the pass-through must not override behind its back. */
    private static final Map<String, String> OWNED = Map.of(
            "bootstrap.servers", Settings.BOOTSTRAP_SERVERS,
            "application.id", Settings.APPLICATION_ID,
            "processing.guarantee", Settings.PROCESSING_GUARANTEE,
            "num.stream.threads", Settings.STREAM_THREADS,
            "state.dir", Settings.STATE_DIR);

    public StreamConfig {
        requireText(Settings.BOOTSTRAP_SERVERS, bootstrapServers);
        requireText(Settings.APPLICATION_ID, applicationId);
        if (!applicationId.matches("[a-zA-Z0-9._-]+")) {
            throw new IllegalArgumentException(Settings.APPLICATION_ID + ": only letters, digits, '.', '_' and '-' are allowed, got '"
                    + applicationId + "'");
        }
        Objects.requireNonNull(topics, "topics");
        if (modelPath == null) {
            throw new IllegalArgumentException(Settings.MODEL_PATH + ": required (a bundle directory or zip)");
        }
        Objects.requireNonNull(inputFormat, Settings.INPUT_FORMAT);
        Objects.requireNonNull(guarantee, Settings.PROCESSING_GUARANTEE);
        requireRange(Settings.STREAM_THREADS, streamThreads, 1, 256);
        requireFrames(Settings.EVENT_OPEN_AFTER, eventOpenAfter);
        requireFrames(Settings.EVENT_CLOSE_AFTER, eventCloseAfter);
        requireText(Settings.HTTP_HOST, httpHost);
        requireRange(Settings.HTTP_PORT, httpPort, 0, 65535);
        if (stateDir == null) {
            throw new IllegalArgumentException(Settings.STATE_DIR + ": required");
        }
        requireRange(Settings.TOP_FEATURES, topFeatures, 0, 1000);
        requireRange(Settings.STATE_MEMORY_MB, stateMemoryMb, 8, 1 << 20);
        kafka = kafka == null ? Map.of() : new TreeMap<>(kafka);
        adaptive = adaptive == null ? AdaptiveSetting.OFF : adaptive;
        outputFormat = outputFormat == null ? OutputFormat.JSON : outputFormat;
        inputLimits = inputLimits == null ? InputLimits.DEFAULTS : inputLimits;
        for (Map.Entry<String, String> e : kafka.entrySet()) {
            String owner = OWNED.get(e.getKey());
            if (owner != null) {
                throw new IllegalArgumentException("Kafka setting " + e.getKey() + "=" + e.getValue() + ": set it with " + owner
                        + " instead");
            }
            if (e.getKey().isBlank() || e.getValue() == null) {
                throw new IllegalArgumentException("Kafka setting '" + e.getKey() + "': blank name or missing value");
            }
        }
    }

    /** Without adaptive detection. */
    public StreamConfig(String bootstrapServers, String applicationId, Topics topics, Path modelPath, InputFormat inputFormat,
                        ProcessingGuarantee guarantee, int streamThreads, int eventOpenAfter, int eventCloseAfter,
                        String httpHost, int httpPort, Path stateDir, int topFeatures, Map<String, String> kafka) {
        this(bootstrapServers, applicationId, topics, modelPath, inputFormat, guarantee, streamThreads,
                OptionalInt.of(eventOpenAfter), OptionalInt.of(eventCloseAfter), httpHost, httpPort, stateDir, topFeatures, kafka,
                AdaptiveSetting.OFF, OutputFormat.JSON, null, DEFAULT_STATE_MEMORY_MB, null);
    }

    /** Empty (auto) or a frame count. */
    private static void requireFrames(String setting, OptionalInt frames) {
        Objects.requireNonNull(frames, setting);
        if (frames.isPresent()) {
            requireRange(setting, frames.getAsInt(), 1, 1_000_000);
        }
    }

    private static void requireText(String setting, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(setting + ": required, got '" + value + "'");
        }
    }

    private static void requireRange(String setting, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(setting + ": must be in [" + min + ", " + max + "], got " + value);
        }
    }
}
