package io.aestream.stream.config;

import io.aestream.scoring.EventDetector;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.function.Function;

/**
 * The one place settings are parsed. Precedence, lowest first: defaults, the properties file named by
 * AESTREAM_CONFIG_FILE (same keys as the environment, plus {@code kafka.*} pass-through), environment variables,
 * then explicit overrides (command-line options).
 */
public final class ConfigLoader {
    private static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry(Settings.BOOTSTRAP_SERVERS, "localhost:9092"),
            Map.entry(Settings.APPLICATION_ID, "aestream"),
            Map.entry(Settings.INPUT_TOPIC, "aestream-frames"),
            Map.entry(Settings.SCORES_TOPIC, "aestream-scores"),
            Map.entry(Settings.DENOISED_TOPIC, "aestream-denoised"),
            Map.entry(Settings.ANOMALIES_TOPIC, "aestream-anomalies"),
            Map.entry(Settings.CODES_TOPIC, "aestream-codes"),
            Map.entry(Settings.DEAD_LETTER_TOPIC, "aestream-dead-letter"),
            Map.entry(Settings.OUTPUTS, Output.defaultIds()),
            Map.entry(Settings.INPUT_FORMAT, "json"),
            Map.entry(Settings.OUTPUT_FORMAT, "json"),
            Map.entry(Settings.MAX_RECORD_BYTES, Integer.toString(InputLimits.DEFAULTS.maxRecordBytes())),
            Map.entry(Settings.MAX_FUTURE_MS, Long.toString(InputLimits.DEFAULTS.maxFutureMs())),
            Map.entry(Settings.PROCESSING_GUARANTEE, "at_least_once"),
            Map.entry(Settings.STREAM_THREADS, "1"),
            Map.entry(Settings.EVENT_OPEN_AFTER, EventDetector.AUTO),
            Map.entry(Settings.EVENT_CLOSE_AFTER, EventDetector.AUTO),
            Map.entry(Settings.HTTP_HOST, "0.0.0.0"),
            Map.entry(Settings.HTTP_PORT, "8080"),
            Map.entry(Settings.STATE_DIR, Path.of(System.getProperty("java.io.tmpdir"), "kafka-streams").toString()),
            Map.entry(Settings.STATE_MEMORY_MB, Integer.toString(StreamConfig.DEFAULT_STATE_MEMORY_MB)),
            Map.entry(Settings.TOP_FEATURES, "3"),
            Map.entry(Settings.ADAPTIVE, "off"));

    private ConfigLoader() {
    }

    /** Settings from {@code env} (normally {@link System#getenv()}) and the file it names, then {@code overrides}. */
    public static StreamConfig load(Map<String, String> env, Map<String, String> overrides) {
        Map<String, String> settings = new HashMap<>(DEFAULTS);
        Map<String, String> kafka = new HashMap<>();
        String file = overrides.getOrDefault(Settings.CONFIG_FILE, env.get(Settings.CONFIG_FILE));
        if (file != null && !file.isBlank()) {
            readFile(Path.of(file), settings, kafka);
        }
        env.forEach((k, v) -> {
            if (k.startsWith(Settings.KAFKA_ENV_PREFIX)) {
                kafka.put(k.substring(Settings.KAFKA_ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'), v);
            } else if (Settings.ALL.contains(k)) {
                settings.put(k, v);
            }
        });
        overrides.forEach((k, v) -> {
            if (!k.equals(Settings.CONFIG_FILE)) {
                requireKnown(k, "override");
                settings.put(k, v);
            }
        });
        return build(settings, kafka);
    }

    private static void readFile(Path file, Map<String, String> settings, Map<String, String> kafka) {
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(r);
        } catch (IOException e) {
            throw new IllegalArgumentException(Settings.CONFIG_FILE + ": cannot read '" + file + "': " + e.getMessage(), e);
        }
        for (String key : props.stringPropertyNames()) {
            String value = props.getProperty(key).trim();
            if (key.startsWith(Settings.KAFKA_FILE_PREFIX)) {
                kafka.put(key.substring(Settings.KAFKA_FILE_PREFIX.length()), value);
            } else {
                requireKnown(key, Settings.CONFIG_FILE + " " + file);
                settings.put(key, value);
            }
        }
    }

    private static void requireKnown(String key, String where) {
        if (!Settings.ALL.contains(key)) {
            throw new IllegalArgumentException(where + ": unknown setting '" + key + "' (known: " + Settings.ALL
                    + " and kafka.* pass-through)");
        }
    }

    private static StreamConfig build(Map<String, String> s, Map<String, String> kafka) {
        Map<Output, String> outputs = new EnumMap<>(Output.class);
        Output.parseList(Settings.OUTPUTS, s.get(Settings.OUTPUTS)).forEach(o -> outputs.put(o, s.get(o.topicSetting())));
        Topics topics = new Topics(s.get(Settings.INPUT_TOPIC), outputs, s.get(Settings.DEAD_LETTER_TOPIC));
        String model = s.get(Settings.MODEL_PATH);
        String classifier = s.get(Settings.CLASSIFIER_PATH);
        return new StreamConfig(s.get(Settings.BOOTSTRAP_SERVERS), s.get(Settings.APPLICATION_ID), topics,
                model == null || model.isBlank() ? null : Path.of(model),
                InputFormat.parse(Settings.INPUT_FORMAT, s.get(Settings.INPUT_FORMAT)),
                ProcessingGuarantee.parse(Settings.PROCESSING_GUARANTEE, s.get(Settings.PROCESSING_GUARANTEE)),
                integer(s, Settings.STREAM_THREADS), integerOrAuto(s, Settings.EVENT_OPEN_AFTER), integerOrAuto(s, Settings.EVENT_CLOSE_AFTER),
                s.get(Settings.HTTP_HOST), integer(s, Settings.HTTP_PORT), path(s, Settings.STATE_DIR),
                integer(s, Settings.TOP_FEATURES), kafka, AdaptiveSetting.parse(s.get(Settings.ADAPTIVE)),
                OutputFormat.parse(Settings.OUTPUT_FORMAT, s.get(Settings.OUTPUT_FORMAT)),
                new InputLimits(integer(s, Settings.MAX_RECORD_BYTES), parse(s, Settings.MAX_FUTURE_MS, v -> Long.parseLong(v.trim()),
                        "an integer")), integer(s, Settings.STATE_MEMORY_MB),
                classifier == null || classifier.isBlank() ? null : Path.of(classifier));
    }

    private static int integer(Map<String, String> s, String key) {
        return parse(s, key, v -> Integer.parseInt(v.trim()), "an integer");
    }

    /** An event count: empty for {@code auto}, the model's default ({@link EventDetector#count}). */
    private static OptionalInt integerOrAuto(Map<String, String> s, String key) {
        return parse(s, key, EventDetector::count, "an integer or '" + EventDetector.AUTO + "'");
    }

    private static Path path(Map<String, String> s, String key) {
        return parse(s, key, Path::of, "a path");
    }

    private static <T> T parse(Map<String, String> s, String key, Function<String, T> parser, String what) {
        String value = s.get(key);
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(key + ": must be " + what + ", got '" + value + "'", e);
        }
    }
}
