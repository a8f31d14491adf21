package io.aestream.stream.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderTest {
    private static final Map<String, String> MINIMAL = Map.of(Settings.MODEL_PATH, "/models/m1");
    @TempDir
    Path tmp;

    @Test
    void shouldApplyDefaultsWhenOnlyModelPathIsSet() {
        StreamConfig c = ConfigLoader.load(MINIMAL, Map.of());
        assertThat(c.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(c.applicationId()).isEqualTo("aestream");
        assertThat(c.topics()).isEqualTo(new Topics("aestream-frames", "aestream-scores", "aestream-denoised",
                "aestream-anomalies", "aestream-dead-letter"));
        assertThat(c.modelPath()).isEqualTo(Path.of("/models/m1"));
        assertThat(c.inputFormat()).isEqualTo(InputFormat.JSON);
        assertThat(c.guarantee()).isEqualTo(ProcessingGuarantee.AT_LEAST_ONCE);
        assertThat(c.httpPort()).isEqualTo(8080);
        assertThat(c.topFeatures()).isEqualTo(3);
        assertThat(c.adaptive()).isEqualTo(AdaptiveSetting.OFF);
        assertThat(c.kafka()).isEmpty();
        assertThat(c.classifierPath()).isNull();
        assertThat(c.eventOpenAfter()).as("auto").isEmpty();
        assertThat(c.eventCloseAfter()).as("auto").isEmpty();
        assertThat(ConfigLoader.load(Map.of(Settings.MODEL_PATH, "/m", Settings.EVENT_CLOSE_AFTER, "12"), Map.of())
                .eventCloseAfter()).hasValue(12);
    }

    @Test
    void shouldAddTheCodesTopicAndTheClassifierWhenConfigured() {
        Map<String, String> env = new HashMap<>(MINIMAL);
        env.put(Settings.OUTPUTS, "scores,codes");
        env.put(Settings.CLASSIFIER_PATH, "/models/c1");
        StreamConfig c = ConfigLoader.load(env, Map.of());
        assertThat(c.topics().outputs()).containsExactly(Map.entry(Output.SCORES, "aestream-scores"),
                Map.entry(Output.CODES, "aestream-codes"));
        assertThat(c.classifierPath()).isEqualTo(Path.of("/models/c1"));
    }

    @Test
    void shouldLetEnvOverrideFileAndOverridesOverrideEnvWhenAllAreSet() throws IOException {
        Path file = tmp.resolve("aestream.properties");
        Files.writeString(file, """
                AESTREAM_INPUT_TOPIC=from-file
                AESTREAM_STREAM_THREADS=2
                AESTREAM_HTTP_PORT=9000
                AESTREAM_ADAPTIVE=on
                kafka.security.protocol=SASL_SSL
                kafka.sasl.mechanism=PLAIN
                """);
        Map<String, String> env = new HashMap<>(MINIMAL);
        env.put(Settings.CONFIG_FILE, file.toString());
        env.put(Settings.STREAM_THREADS, "4");
        env.put(Settings.HTTP_PORT, "9100");
        env.put("AESTREAM_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512");
        env.put("AESTREAM_KAFKA_MAX_POLL_RECORDS", "500");
        env.put("PATH", "/usr/bin");
        StreamConfig c = ConfigLoader.load(env, Map.of(Settings.HTTP_PORT, "0"));
        assertThat(c.topics().input()).isEqualTo("from-file");
        assertThat(c.streamThreads()).isEqualTo(4);
        assertThat(c.httpPort()).isZero();
        assertThat(c.adaptive()).isEqualTo(AdaptiveSetting.ON);
        assertThat(c.kafka()).containsExactlyInAnyOrderEntriesOf(Map.of("security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512", "max.poll.records", "500"));
        assertThat(KafkaSettings.streams(c)).containsEntry("security.protocol", "SASL_SSL").containsEntry("num.stream.threads", 4)
                .containsEntry("application.id", "aestream");
        assertThat(KafkaSettings.producer(c)).containsEntry("security.protocol", "SASL_SSL").doesNotContainKey("max.poll.records");
    }

    @Test
    void shouldBoundSessionTimeoutAndAtLeastOnceReplayByDefaultButLetPassThroughOverride() {
        StreamConfig alos = ConfigLoader.load(Map.of(Settings.MODEL_PATH, "/m"), Map.of());
        assertThat(KafkaSettings.streams(alos)).containsEntry("session.timeout.ms", "10000").containsEntry("commit.interval.ms", "1000");

        StreamConfig eos = ConfigLoader.load(Map.of(Settings.MODEL_PATH, "/m", Settings.PROCESSING_GUARANTEE, "exactly_once_v2"), Map.of());
        assertThat(KafkaSettings.streams(eos)).doesNotContainKey("commit.interval.ms");

        StreamConfig tuned = ConfigLoader.load(Map.of(Settings.MODEL_PATH, "/m", "AESTREAM_KAFKA_SESSION_TIMEOUT_MS", "30000",
                "AESTREAM_KAFKA_COMMIT_INTERVAL_MS", "5000", "AESTREAM_KAFKA_GROUP_INSTANCE_ID", "aestream-2"), Map.of());
        assertThat(KafkaSettings.streams(tuned)).containsEntry("session.timeout.ms", "30000").containsEntry("commit.interval.ms", "5000")
                .containsEntry("group.instance.id", "aestream-2");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "AESTREAM_STREAM_THREADS       | two            | AESTREAM_STREAM_THREADS: must be an integer, got 'two'",
            "AESTREAM_STREAM_THREADS       | 0              | AESTREAM_STREAM_THREADS: must be in [1, 256], got 0",
            "AESTREAM_HTTP_PORT            | 70000          | AESTREAM_HTTP_PORT: must be in [0, 65535], got 70000",
            "AESTREAM_EVENT_OPEN_AFTER     | 0              | AESTREAM_EVENT_OPEN_AFTER: must be in [1, 1000000], got 0",
            "AESTREAM_EVENT_CLOSE_AFTER    | 0              | AESTREAM_EVENT_CLOSE_AFTER: must be in [1, 1000000], got 0",
            "AESTREAM_EVENT_CLOSE_AFTER    | soon           | AESTREAM_EVENT_CLOSE_AFTER: must be an integer or 'auto', got 'soon'",
            "AESTREAM_INPUT_FORMAT         | avro           | AESTREAM_INPUT_FORMAT: must be json or binary, got 'avro'",
            "AESTREAM_PROCESSING_GUARANTEE | exactly_once   | AESTREAM_PROCESSING_GUARANTEE: must be at_least_once or exactly_once_v2, got 'exactly_once'",
            "AESTREAM_SCORES_TOPIC         | bad topic      | AESTREAM_SCORES_TOPIC: not a legal Kafka topic name: 'bad topic'",
            "AESTREAM_SCORES_TOPIC         | aestream-frames| topics: input and output topics must all differ",
            "AESTREAM_APPLICATION_ID       | my app         | AESTREAM_APPLICATION_ID: only letters, digits",
            "AESTREAM_ADAPTIVE             | On             | AESTREAM_ADAPTIVE: must be off, on or a JSON file with an adaptive config, got 'On'",
            "AESTREAM_MODEL_PATH           | ''             | AESTREAM_MODEL_PATH: required",
            "AESTREAM_OUTPUTS              | scores,latent  | AESTREAM_OUTPUTS: unknown output 'latent' in 'scores,latent' (known: scores,denoised,anomalies,codes)",
            "AESTREAM_OUTPUTS              | ' '            | AESTREAM_OUTPUTS: choose at least one of scores,denoised,anomalies,codes, got ' '",
            "AESTREAM_OUTPUTS              | scores,,denoised | AESTREAM_OUTPUTS: unknown output '' in 'scores,,denoised'",
            "AESTREAM_OUTPUTS              | scores,Scores  | AESTREAM_OUTPUTS: output 'scores' listed twice in 'scores,Scores'",
            "AESTREAM_KAFKA_BOOTSTRAP_SERVERS | other:9092  | Kafka setting bootstrap.servers=other:9092: set it with KAFKA_BOOTSTRAP_SERVERS instead",
    })
    void shouldNameSettingAndValueWhenSettingIsInvalid(String key, String value, String message) {
        Map<String, String> env = new HashMap<>(MINIMAL);
        env.put(key, value);
        assertThatThrownBy(() -> ConfigLoader.load(env, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @Test
    void shouldRejectUnknownKeyWhenFileHasTypo() throws IOException {
        Path file = tmp.resolve("typo.properties");
        Files.writeString(file, "AESTREAM_INPUT_TOPICS=frames\n");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of(Settings.CONFIG_FILE, file.toString()), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown setting 'AESTREAM_INPUT_TOPICS'");
    }

    @Test
    void shouldNameFileWhenItCannotBeRead() {
        Path missing = tmp.resolve("missing.properties");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of(Settings.CONFIG_FILE, missing.toString()), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("AESTREAM_CONFIG_FILE: cannot read")
                .hasMessageContaining("missing.properties");
    }

    @Test
    void shouldSelectListedOutputsInOutputOrderWhenOutputsAreSet() {
        Map<String, String> env = new HashMap<>(MINIMAL);
        env.put(Settings.OUTPUTS, " anomalies , scores ");
        env.put(Settings.DENOISED_TOPIC, "not used");
        StreamConfig c = ConfigLoader.load(env, Map.of());
        assertThat(c.topics().outputs()).containsExactly(Map.entry(Output.SCORES, "aestream-scores"),
                Map.entry(Output.ANOMALIES, "aestream-anomalies"));
        assertThat(c.topics().has(Output.DENOISED)).isFalse();
        assertThat(c.topics().all()).containsExactly("aestream-frames", "aestream-scores", "aestream-anomalies",
                "aestream-dead-letter");
    }

    @Test
    void shouldStartFromClientDefaultsAndLetKafkaSettingsOverrideThem() {
        Map<String, String> env = new HashMap<>(MINIMAL);
        assertThat(KafkaSettings.streams(ConfigLoader.load(env, Map.of()))).containsEntry("linger.ms", "5")
                .containsEntry("batch.size", "131072").doesNotContainKey("compression.type");
        env.put("AESTREAM_KAFKA_LINGER_MS", "100");
        env.put("AESTREAM_KAFKA_COMPRESSION_TYPE", "lz4");
        assertThat(KafkaSettings.streams(ConfigLoader.load(env, Map.of()))).containsEntry("linger.ms", "100")
                .containsEntry("batch.size", "131072").containsEntry("compression.type", "lz4");
    }
}
