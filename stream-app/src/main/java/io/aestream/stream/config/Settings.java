package io.aestream.stream.config;

import java.util.List;

/** Setting names: environment variables, and the same keys in the AESTREAM_CONFIG_FILE properties file. */
public final class Settings {
    public static final String CONFIG_FILE = "AESTREAM_CONFIG_FILE";
    public static final String BOOTSTRAP_SERVERS = "KAFKA_BOOTSTRAP_SERVERS";
    public static final String APPLICATION_ID = "AESTREAM_APPLICATION_ID";
    public static final String INPUT_TOPIC = "AESTREAM_INPUT_TOPIC";
    public static final String SCORES_TOPIC = "AESTREAM_SCORES_TOPIC";
    public static final String DENOISED_TOPIC = "AESTREAM_DENOISED_TOPIC";
    public static final String ANOMALIES_TOPIC = "AESTREAM_ANOMALIES_TOPIC";
    public static final String CODES_TOPIC = "AESTREAM_CODES_TOPIC";
    public static final String DEAD_LETTER_TOPIC = "AESTREAM_DEAD_LETTER_TOPIC";
    /** Comma-separated outputs to produce: see {@link Output}; dead letters are always on. */
    public static final String OUTPUTS = "AESTREAM_OUTPUTS";
    public static final String MODEL_PATH = "AESTREAM_MODEL_PATH";
    /** A classifier bundle pre-trained from the model: names the anomaly type of flagged frames and events (optional). */
    public static final String CLASSIFIER_PATH = "AESTREAM_CLASSIFIER_PATH";
    public static final String INPUT_FORMAT = "AESTREAM_INPUT_FORMAT";
    /** json or binary: see {@link OutputFormat}. */
    public static final String OUTPUT_FORMAT = "AESTREAM_OUTPUT_FORMAT";
    /** Largest input value accepted, in bytes: see {@link InputLimits}. */
    public static final String MAX_RECORD_BYTES = "AESTREAM_MAX_RECORD_BYTES";
    /** How far (ms) a payload timestamp may lie ahead of its record's timestamp: see {@link InputLimits}. */
    public static final String MAX_FUTURE_MS = "AESTREAM_MAX_FUTURE_MS";
    public static final String PROCESSING_GUARANTEE = "AESTREAM_PROCESSING_GUARANTEE";
    public static final String STREAM_THREADS = "AESTREAM_STREAM_THREADS";
    public static final String EVENT_OPEN_AFTER = "AESTREAM_EVENT_OPEN_AFTER";
    public static final String EVENT_CLOSE_AFTER = "AESTREAM_EVENT_CLOSE_AFTER";
    public static final String HTTP_HOST = "AESTREAM_HTTP_HOST";
    public static final String HTTP_PORT = "AESTREAM_HTTP_PORT";
    public static final String STATE_DIR = "AESTREAM_STATE_DIR";
    public static final String STATE_MEMORY_MB = "AESTREAM_STATE_MEMORY_MB";
    public static final String TOP_FEATURES = "AESTREAM_TOP_FEATURES";
    /** off, on, or the path of an adaptive-config JSON file: see {@link AdaptiveSetting}. */
    public static final String ADAPTIVE = "AESTREAM_ADAPTIVE";
    /** Prefix of environment variables passed to the Kafka clients: AESTREAM_KAFKA_MAX_POLL_RECORDS → max.poll.records. */
    public static final String KAFKA_ENV_PREFIX = "AESTREAM_KAFKA_";
    /** Prefix of properties-file keys passed to the Kafka clients: kafka.max.poll.records → max.poll.records. */
    public static final String KAFKA_FILE_PREFIX = "kafka.";

    static final List<String> ALL = List.of(BOOTSTRAP_SERVERS, APPLICATION_ID, INPUT_TOPIC, SCORES_TOPIC, DENOISED_TOPIC,
            ANOMALIES_TOPIC, DEAD_LETTER_TOPIC, MODEL_PATH, INPUT_FORMAT, PROCESSING_GUARANTEE, STREAM_THREADS,
            EVENT_OPEN_AFTER, EVENT_CLOSE_AFTER, HTTP_HOST, HTTP_PORT, STATE_DIR, STATE_MEMORY_MB, TOP_FEATURES, ADAPTIVE, OUTPUTS,
            OUTPUT_FORMAT, MAX_RECORD_BYTES, MAX_FUTURE_MS, CODES_TOPIC, CLASSIFIER_PATH);

    private Settings() {
    }
}
