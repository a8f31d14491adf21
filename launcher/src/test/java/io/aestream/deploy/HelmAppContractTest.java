package io.aestream.deploy;

import static io.aestream.deploy.Helm.assertRenderFails;
import static io.aestream.deploy.Helm.render;
import static io.aestream.deploy.Helm.values;
import static io.aestream.deploy.Manifests.named;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aestream.adaptive.AdaptiveConfig;
import io.aestream.adaptive.FineTuneConfig;
import io.aestream.adaptive.FineTuneSchedule;
import io.aestream.adaptive.FlagRule;
import io.aestream.adaptive.LikelihoodConfig;
import io.aestream.adaptive.NormalizationConfig;
import io.aestream.adaptive.QuantileThresholdConfig;
import io.aestream.stream.config.AdaptiveSetting;
import io.aestream.stream.config.ConfigLoader;
import io.aestream.stream.config.Output;
import io.aestream.stream.config.OutputFormat;
import io.aestream.stream.config.InputFormat;
import io.aestream.stream.config.Settings;
import io.aestream.stream.config.StreamConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chart's side of the configuration contract, checked against the stream app's own {@link ConfigLoader}: every
 * variable the ConfigMap sets is one the app reads, and the values it renders load into the expected settings.
 */
class HelmAppContractTest {

  @Test
  void shouldSetOnlySettingsTheAppReadsWhenRenderedWithDefaults() {
    // Given the app ConfigMap rendered with the default values and a Kafka property
    Manifests manifests = render("--set", "config.extraKafkaProperties.linger\\.ms=5");

    // When the app loads it (unknown settings fail as overrides)
    StreamConfig config = load(manifests);

    // Then every value arrives where the values file says
    assertThat(config.bootstrapServers()).isEqualTo("kafka:9092");
    assertThat(config.inputFormat()).isEqualTo(InputFormat.JSON);
    assertThat(config.topFeatures()).isEqualTo(3);
    assertThat(config.modelPath()).isEqualTo(Path.of("/models/current"));
    assertThat(config.kafka()).containsEntry("linger.ms", "5");
    assertThat(config.adaptive()).isEqualTo(AdaptiveSetting.OFF);
    assertThat(config.topics().outputs().keySet()).containsExactly(Output.SCORES, Output.DENOISED, Output.ANOMALIES);
    assertThat(config.outputFormat()).isEqualTo(OutputFormat.JSON);
    assertThat(config.classifierPath()).isNull();
    assertThat(config.eventOpenAfter()).as("auto: the detection decides").isEmpty();
    assertThat(config.eventCloseAfter()).as("auto: the model's frames decide").isEmpty();
  }

  @Test
  void shouldCloseEventsAfterTheGivenFramesOrLeaveItToTheModel() {
    assertThat(load(render("--set", "config.eventCloseAfter=12")).eventCloseAfter()).hasValue(12);
    assertThat(load(render("--set", "config.eventOpenAfter=2")).eventOpenAfter()).hasValue(2);
    assertRenderFails("eventCloseAfter", "--set", "config.eventCloseAfter=0");
    assertRenderFails("eventCloseAfter", "--set", "config.eventCloseAfter=soon");
  }

  @Test
  void shouldLoadTheCodesOutputAndTheClassifierPathWhenSet() {
    StreamConfig config = load(render("--set", "config.outputs={scores,codes}", "--set", "config.topics.codes=pump-codes",
        "--set", "model.classifierPath=/models/classifier"));
    assertThat(config.topics().outputs()).containsEntry(Output.CODES, "pump-codes").containsKey(Output.SCORES).hasSize(2);
    assertThat(config.classifierPath()).isEqualTo(Path.of("/models/classifier"));
    assertRenderFails("classifierPath", "--set", "model.classifierPath=relative/path");
  }

  @Test
  void shouldSelectTheListedOutputsAndFormatWhenSet() {
    StreamConfig config = load(render("--set", "config.outputs={anomalies,scores}", "--set", "config.outputFormat=binary"));
    assertThat(config.topics().outputs().keySet()).containsExactly(Output.SCORES, Output.ANOMALIES);
    assertThat(config.outputFormat()).isEqualTo(OutputFormat.BINARY);
    assertRenderFails("outputs", "--set", "config.outputs={scores,latent}");
    assertRenderFails("outputs", "--set", "config.outputs={}");
    assertRenderFails("outputFormat", "--set", "config.outputFormat=avro");
  }

  @Test
  void shouldPassExposedSettingsThroughWhenOverridden() {
    // Given values for the input format, top features and adaptive mode
    Manifests manifests = render(
        "--set", "config.inputFormat=binary", "--set", "config.topFeatures=0", "--set", "adaptive.mode=on");

    // When the app loads the ConfigMap
    StreamConfig config = load(manifests);

    // Then it reads them as set, and mode on mounts no adaptive file
    assertThat(config.inputFormat()).isEqualTo(InputFormat.BINARY);
    assertThat(config.topFeatures()).isZero();
    assertThat(config.adaptive()).isEqualTo(AdaptiveSetting.ON);
    assertThat(manifests.ofKind("ConfigMap")).hasSize(1);
  }

  @Test
  void shouldMountTheAdaptiveConfigFileTheAppLoadsWhenModeIsFile(@TempDir Path mount) throws IOException {
    // Given ci/adaptive-values.yaml, mounted where this test can play the kubelet
    Manifests manifests = render(values("ci/adaptive-values.yaml", "--set", "adaptive.mountPath=" + mount));
    JsonNode fileMap = manifests.ofKind("ConfigMap").stream()
        .filter(cm -> cm.path("data").has("adaptive.json"))
        .findFirst()
        .orElseThrow();
    String configMapName = fileMap.at("/metadata/name").asText();
    Files.writeString(mount.resolve("adaptive.json"), fileMap.at("/data/adaptive.json").asText(), StandardCharsets.UTF_8);

    // When the app loads the ConfigMap
    StreamConfig config = load(manifests);

    // Then it reads the file the pod mounts, and gets the config of the values file
    assertThat(configMapName).isEqualTo(Helm.FULLNAME + "-adaptive");
    assertThat(named(manifests.streamPodSpec().path("volumes"), "adaptive").at("/configMap/name").asText())
        .isEqualTo(configMapName);
    JsonNode volumeMount = named(manifests.streamContainer().path("volumeMounts"), "adaptive");
    assertThat(volumeMount.path("mountPath").asText()).isEqualTo(mount.toString());
    assertThat(volumeMount.path("readOnly").asBoolean()).isTrue();
    assertThat(config.adaptive()).isInstanceOfSatisfying(AdaptiveSetting.FromFile.class, file -> {
      assertThat(file.file()).isEqualTo(mount.resolve("adaptive.json"));
      assertThat(file.config()).isEqualTo(ciAdaptiveConfig());
    });
  }

  @Test
  void shouldRejectAdaptiveSettingsTheAppWouldMisreadWhenRendering() {
    assertRenderFails("adaptive.mode=file", "--set", "adaptive.mode=on", "--set", "adaptive.config.flagRule=LIKELIHOOD");
    assertRenderFails("flagRule", "--set", "adaptive.mode=file", "--set", "adaptive.config.flagRule=likelihood");
    assertRenderFails("warmupFrames", "--set", "adaptive.mode=file", "--set", "adaptive.config.normalization.alpha=1");
    assertRenderFails("adaptive.mode", "--set", "adaptive.mode=true");
    assertRenderFails("inputFormat", "--set", "config.inputFormat=avro");
  }

  /** The app config from the rendered ConfigMap, its Kafka pass-through as environment, the rest as overrides. */
  private static StreamConfig load(Manifests manifests) {
    Map<String, String> env = new HashMap<>();
    Map<String, String> settings = new HashMap<>();
    manifests.appConfig().path("data").fields().forEachRemaining(e -> {
      String name = e.getKey();
      // JAVA_TOOL_OPTIONS is read by the JVM, not the app.
      if (name.startsWith(Settings.KAFKA_ENV_PREFIX)) {
        env.put(name, e.getValue().asText());
      } else if (!name.equals("JAVA_TOOL_OPTIONS")) {
        settings.put(name, e.getValue().asText());
      }
    });
    return ConfigLoader.load(env, settings);
  }

  /** What ci/adaptive-values.yaml spells out. */
  private static AdaptiveConfig ciAdaptiveConfig() {
    return new AdaptiveConfig(
        new NormalizationConfig(1.0, 200, 100, 3.0),
        new LikelihoodConfig(5, 1000, 200, 0.001),
        new QuantileThresholdConfig(0.99, 2000, 0.02, 1.0, 200),
        FlagRule.LIKELIHOOD,
        new FineTuneSchedule(5000, 50, 512, 128, 0.2, 0.0, new FineTuneConfig(5, 0.001, 32, 42L)),
        null);
  }
}
