package io.aestream.deploy;

import static io.aestream.deploy.Helm.FULLNAME;
import static io.aestream.deploy.Helm.NAMESPACE;
import static io.aestream.deploy.Helm.RELEASE;
import static io.aestream.deploy.Helm.assertRenderFails;
import static io.aestream.deploy.Helm.chart;
import static io.aestream.deploy.Helm.render;
import static io.aestream.deploy.Manifests.hasNamed;
import static io.aestream.deploy.Manifests.named;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lints and renders {@code helm/aestream} with a real helm binary, for the default values and
 * every {@code ci/*-values.yaml}, and checks the rendered objects.
 */
class HelmChartTest {


  static Stream<String> valuesFiles() throws IOException {
    try (Stream<Path> files = Files.list(chart().resolve("ci"))) {
      List<String> names = new ArrayList<>(List.of("values.yaml"));
      files.map(f -> "ci/" + f.getFileName()).filter(n -> n.endsWith("-values.yaml")).sorted().forEach(names::add);
      return names.stream();
    }
  }

  @Test
  void shouldShipCiValuesForEveryOptionalMode() throws IOException {
    assertThat(valuesFiles())
        .contains(
            "ci/statefulset-values.yaml",
            "ci/monitoring-values.yaml",
            "ci/sasl-ssl-values.yaml",
            "ci/trainer-values.yaml",
            "ci/model-image-values.yaml",
            "ci/adaptive-values.yaml");
  }

  @ParameterizedTest
  @MethodSource("valuesFiles")
  void shouldLintStrictly(String valuesFile) {
    Tools.Result lint = Helm.run("lint", "--strict", chart().toString(), "-f", chart().resolve(valuesFile).toString());
    assertThat(lint.succeeded()).as(lint.describe()).isTrue();
    assertThat(lint.stdout()).contains("0 chart(s) failed").doesNotContain("[WARNING]", "[ERROR]");
  }

  @ParameterizedTest
  @MethodSource("valuesFiles")
  void shouldLabelAndNameEveryObjectConsistently(String valuesFile) {
    Manifests manifests = render("-f", chart().resolve(valuesFile).toString());

    assertThat(manifests.objects()).isNotEmpty();
    for (JsonNode object : manifests.objects()) {
      JsonNode metadata = object.path("metadata");
      String what = object.path("kind").asText() + "/" + metadata.path("name").asText();
      assertThat(metadata.path("name").asText()).as(what).isNotEmpty().hasSizeLessThanOrEqualTo(63);
      assertThat(metadata.path("namespace").asText()).as(what).isEqualTo(NAMESPACE);
      JsonNode labels = metadata.path("labels");
      assertThat(labels.path("app.kubernetes.io/name").asText()).as(what).isEqualTo("aestream");
      assertThat(labels.path("app.kubernetes.io/instance").asText()).as(what).isEqualTo(RELEASE);
      assertThat(labels.path("app.kubernetes.io/version").asText()).as(what).isEqualTo("0.1.0");
      assertThat(labels.path("app.kubernetes.io/managed-by").asText()).as(what).isEqualTo("Helm");
      assertThat(labels.path("helm.sh/chart").asText()).as(what).isEqualTo("aestream-0.1.0");
    }
  }

  @ParameterizedTest
  @MethodSource("valuesFiles")
  void shouldHardenEveryPod(String valuesFile) {
    Manifests manifests = render("-f", chart().resolve(valuesFile).toString());

    List<JsonNode> podSpecs = new ArrayList<>();
    for (String kind : List.of("Deployment", "StatefulSet", "Job")) {
      manifests.ofKind(kind).forEach(w -> podSpecs.add(w.at("/spec/template/spec")));
    }
    assertThat(podSpecs).isNotEmpty();
    for (JsonNode pod : podSpecs) {
      JsonNode podSecurity = pod.path("securityContext");
      assertThat(podSecurity.path("runAsNonRoot").asBoolean()).isTrue();
      assertThat(podSecurity.path("runAsUser").asInt()).isEqualTo(10001);
      assertThat(podSecurity.at("/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
      assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).isFalse();
      List<JsonNode> containers = new ArrayList<>();
      pod.path("initContainers").forEach(containers::add);
      pod.path("containers").forEach(containers::add);
      for (JsonNode container : containers) {
        JsonNode security = container.path("securityContext");
        String what = container.path("name").asText();
        assertThat(security.path("runAsNonRoot").asBoolean()).as(what).isTrue();
        assertThat(security.path("runAsUser").asInt()).as(what).isEqualTo(10001);
        assertThat(security.path("readOnlyRootFilesystem").asBoolean()).as(what).isTrue();
        assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).as(what).isFalse();
        assertThat(security.at("/capabilities/drop").toString()).as(what).isEqualTo("[\"ALL\"]");
        assertThat(security.at("/seccompProfile/type").asText()).as(what).isEqualTo("RuntimeDefault");
        assertThat(container.at("/resources/limits/memory").asText()).as(what).isNotEmpty();
      }
    }
  }

  @Test
  void shouldRenderDeploymentWithProbesTmpAndGracePeriodByDefault() {
    Manifests manifests = render();

    assertThat(manifests.ofKind("StatefulSet")).isEmpty();
    JsonNode deployment = manifests.one("Deployment");
    assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(1);
    JsonNode pod = manifests.streamPodSpec();
    assertThat(pod.path("terminationGracePeriodSeconds").asInt()).isEqualTo(60);

    JsonNode container = manifests.streamContainer();
    assertThat(container.path("image").asText()).isEqualTo("aestream:0.1.0");
    assertThat(container.path("args").toString()).isEqualTo("[\"stream\"]");
    assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/health/live");
    assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/health/ready");
    assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/health/live");
    JsonNode port = named(container.path("ports"), "http");
    assertThat(port.path("containerPort").asInt()).isEqualTo(8080);
    assertThat(container.at("/envFrom/0/configMapRef/name").asText()).isEqualTo(FULLNAME);

    assertThat(named(container.path("volumeMounts"), "tmp").path("mountPath").asText()).isEqualTo("/tmp");
    assertThat(named(pod.path("volumes"), "tmp").has("emptyDir")).isTrue();
    assertThat(named(container.path("volumeMounts"), "state").path("mountPath").asText()).isEqualTo("/var/lib/aestream");
    assertThat(named(pod.path("volumes"), "state").has("emptyDir")).isTrue();
  }

  @Test
  void shouldPutTheAppConfigIntoTheConfigMap() {
    JsonNode data = render().appConfig().path("data");

    assertThat(data.path("KAFKA_BOOTSTRAP_SERVERS").asText()).isEqualTo("kafka:9092");
    assertThat(data.path("AESTREAM_MODEL_PATH").asText()).isEqualTo("/models/current");
    assertThat(data.path("AESTREAM_STATE_DIR").asText()).isEqualTo("/var/lib/aestream");
    assertThat(data.path("AESTREAM_HTTP_PORT").asText()).isEqualTo("8080");
    assertThat(data.path("AESTREAM_PROCESSING_GUARANTEE").asText()).isEqualTo("exactly_once_v2");
    assertThat(data.path("JAVA_TOOL_OPTIONS").asText()).contains("-XX:MaxRAMPercentage=75");
    assertThat(fieldNames(data))
        .contains(
            "AESTREAM_APPLICATION_ID",
            "AESTREAM_INPUT_TOPIC",
            "AESTREAM_SCORES_TOPIC",
            "AESTREAM_DENOISED_TOPIC",
            "AESTREAM_ANOMALIES_TOPIC",
            "AESTREAM_DEAD_LETTER_TOPIC",
            "AESTREAM_STREAM_THREADS",
            "AESTREAM_EVENT_OPEN_AFTER",
            "AESTREAM_EVENT_CLOSE_AFTER");
    data.fields().forEachRemaining(e -> assertThat(e.getValue().isTextual()).as(e.getKey()).isTrue());
  }

  @Test
  void shouldSetTheClassifierPathOnlyWhenGivenAndTheCodesTopicAlways() {
    assertThat(fieldNames(render().appConfig().path("data"))).doesNotContain("AESTREAM_CLASSIFIER_PATH");
    JsonNode data = render("--set", "model.classifierPath=/models/classifier", "--set", "config.outputs={scores,codes}")
        .appConfig().path("data");
    assertThat(data.path("AESTREAM_CLASSIFIER_PATH").asText()).isEqualTo("/models/classifier");
    assertThat(data.path("AESTREAM_OUTPUTS").asText()).isEqualTo("scores,codes");
    assertThat(data.path("AESTREAM_CODES_TOPIC").asText()).isEqualTo("aestream-codes");
  }

  @Test
  void shouldRollPodsWhenAndOnlyWhenTheConfigChanges() {
    String base = checksum(render());

    assertThat(base).matches("[0-9a-f]{64}");
    assertThat(checksum(render("--set", "replicaCount=3"))).isEqualTo(base);
    assertThat(checksum(render("--set", "config.applicationId=other"))).isNotEqualTo(base);
    assertThat(checksum(render("--set", "config.extraKafkaProperties.linger\\.ms=5"))).isNotEqualTo(base);
    String adaptive = checksum(render(Helm.values("ci/adaptive-values.yaml")));
    assertThat(adaptive).isNotEqualTo(base);
    assertThat(checksum(render(Helm.values("ci/adaptive-values.yaml", "--set", "adaptive.config.likelihood.shortWindow=7"))))
        .as("the adaptive config file is part of the checksum")
        .isNotEqualTo(adaptive);
  }

  @Test
  void shouldLeaveOptionalResourcesOffByDefault() {
    Manifests manifests = render();

    for (String kind : List.of("ServiceMonitor", "PrometheusRule", "HorizontalPodAutoscaler", "Job")) {
      assertThat(manifests.ofKind(kind)).as(kind).isEmpty();
    }
    assertThat(manifests.ofKind("ConfigMap")).hasSize(1);
    assertThat(manifests.one("PodDisruptionBudget").at("/spec/maxUnavailable").asInt()).isEqualTo(1);
    assertThat(manifests.one("ServiceAccount").path("automountServiceAccountToken").asBoolean(true)).isFalse();
  }

  @Test
  void shouldExposeHttpThroughAServiceSelectingOnlyStreamPods() {
    Manifests manifests = render("-f", chart().resolve("ci/trainer-values.yaml").toString());

    JsonNode service = manifests.one("Service");
    JsonNode port = named(service.at("/spec/ports"), "http");
    assertThat(port.path("port").asInt()).isEqualTo(8080);
    assertThat(port.path("targetPort").asText()).isEqualTo("http");
    Map<String, String> selector = strings(service.at("/spec/selector"));
    assertThat(strings(manifests.one("Deployment").at("/spec/template/metadata/labels"))).containsAllEntriesOf(selector);
    Map<String, String> trainerLabels = strings(manifests.one("Job").at("/spec/template/metadata/labels"));
    assertThat(trainerLabels.entrySet().containsAll(selector.entrySet())).as("trainer pods match %s", selector).isFalse();
    assertThat(strings(manifests.one("PodDisruptionBudget").at("/spec/selector/matchLabels"))).isEqualTo(selector);
  }

  @Test
  void shouldKeepStateOnPersistentVolumesInStatefulSetMode() {
    Manifests manifests = render("-f", chart().resolve("ci/statefulset-values.yaml").toString());

    assertThat(manifests.ofKind("Deployment")).isEmpty();
    JsonNode statefulSet = manifests.one("StatefulSet");
    assertThat(statefulSet.at("/spec/replicas").asInt()).isEqualTo(3);
    JsonNode claim = statefulSet.at("/spec/volumeClaimTemplates/0");
    assertThat(claim.at("/metadata/name").asText()).isEqualTo("state");
    assertThat(claim.at("/spec/resources/requests/storage").asText()).isEqualTo("20Gi");
    assertThat(claim.at("/spec/accessModes/0").asText()).isEqualTo("ReadWriteOnce");

    JsonNode pod = manifests.streamPodSpec();
    assertThat(hasNamed(pod.path("volumes"), "state")).as("state comes from the claim template").isFalse();
    JsonNode container = manifests.streamContainer();
    assertThat(named(container.path("volumeMounts"), "state").path("mountPath").asText()).isEqualTo("/var/lib/aestream");
    assertThat(named(container.path("env"), "AESTREAM_KAFKA_GROUP_INSTANCE_ID").at("/valueFrom/fieldRef/fieldPath").asText())
        .isEqualTo("metadata.name");

    String governing = statefulSet.at("/spec/serviceName").asText();
    JsonNode headless = manifests.ofKind("Service").stream()
        .filter(s -> governing.equals(s.at("/metadata/name").asText()))
        .findFirst()
        .orElseThrow();
    assertThat(headless.at("/spec/clusterIP").asText()).isEqualTo("None");
  }

  @Test
  void shouldTakeKafkaCredentialsFromSecretsOnly() {
    Manifests manifests = render("-f", chart().resolve("ci/sasl-ssl-values.yaml").toString());

    JsonNode container = manifests.streamContainer();
    JsonNode jaas = named(container.path("env"), "AESTREAM_KAFKA_SASL_JAAS_CONFIG").at("/valueFrom/secretKeyRef");
    assertThat(jaas.path("name").asText()).isEqualTo("aestream-kafka-sasl");
    assertThat(jaas.path("key").asText()).isEqualTo("sasl.jaas.config");
    for (String password : List.of("TRUSTSTORE_PASSWORD", "KEYSTORE_PASSWORD", "KEY_PASSWORD")) {
      JsonNode ref = named(container.path("env"), "AESTREAM_KAFKA_SSL_" + password).at("/valueFrom/secretKeyRef");
      assertThat(ref.path("name").asText()).as(password).isEqualTo("aestream-kafka-tls");
    }
    JsonNode tlsMount = named(container.path("volumeMounts"), "kafka-tls");
    assertThat(tlsMount.path("mountPath").asText()).isEqualTo("/etc/aestream/kafka-tls");
    assertThat(tlsMount.path("readOnly").asBoolean()).isTrue();
    assertThat(named(manifests.streamPodSpec().path("volumes"), "kafka-tls").at("/secret/secretName").asText())
        .isEqualTo("aestream-kafka-tls");

    JsonNode data = manifests.appConfig().path("data");
    assertThat(data.path("AESTREAM_KAFKA_SECURITY_PROTOCOL").asText()).isEqualTo("SASL_SSL");
    assertThat(data.path("AESTREAM_KAFKA_SASL_MECHANISM").asText()).isEqualTo("SCRAM-SHA-512");
    assertThat(data.path("AESTREAM_KAFKA_SSL_TRUSTSTORE_LOCATION").asText())
        .isEqualTo("/etc/aestream/kafka-tls/truststore.p12");
    assertThat(data.path("AESTREAM_KAFKA_SSL_KEYSTORE_LOCATION").asText()).isEqualTo("/etc/aestream/kafka-tls/keystore.p12");
    assertThat(data.path("AESTREAM_KAFKA_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM").asText()).isEqualTo("https");
    assertThat(data.path("AESTREAM_KAFKA_MAX_POLL_RECORDS").asText()).as("no 1.048576e+06").isEqualTo("1048576");
    assertThat(data.path("AESTREAM_KAFKA_ENABLE_IDEMPOTENCE").asText()).isEqualTo("true");
    assertThat(fieldNames(data)).noneMatch(key -> key.contains("PASSWORD") || key.contains("JAAS"));
    assertThat(manifests.ofKind("Secret")).as("the chart never holds credentials").isEmpty();
  }

  @Test
  void shouldRenderMonitoringResourcesFromTheCanonicalFiles() throws IOException {
    Manifests manifests = render("-f", chart().resolve("ci/monitoring-values.yaml").toString());

    JsonNode monitor = manifests.one("ServiceMonitor");
    assertThat(monitor.at("/metadata/labels/release").asText()).isEqualTo("kube-prometheus-stack");
    assertThat(monitor.at("/spec/endpoints/0/port").asText()).isEqualTo("http");
    assertThat(monitor.at("/spec/endpoints/0/path").asText()).isEqualTo("/metrics");
    assertThat(strings(manifests.one("Service").at("/metadata/labels")))
        .containsAllEntriesOf(strings(monitor.at("/spec/selector/matchLabels")));

    JsonNode rule = manifests.one("PrometheusRule");
    JsonNode rulesFile = new YAMLMapper().readTree(Tools.repoRoot().resolve("dashboards/alerts/aestream-rules.yaml").toFile());
    assertThat(rule.at("/spec/groups")).isEqualTo(rulesFile.path("groups"));

    JsonNode hpa = manifests.one("HorizontalPodAutoscaler");
    assertThat(hpa.at("/spec/scaleTargetRef/kind").asText()).isEqualTo("Deployment");
    assertThat(hpa.at("/spec/scaleTargetRef/name").asText()).isEqualTo(FULLNAME);
    assertThat(hpa.at("/spec/metrics/0/resource/name").asText()).isEqualTo("cpu");
    assertThat(hpa.at("/spec/metrics/1/type").asText()).isEqualTo("External");
    assertThat(hpa.at("/spec/metrics/1/external/target/averageValue").asText()).isEqualTo("5000");
    assertThat(manifests.one("Deployment").at("/spec").has("replicas")).as("the HPA owns replicas").isFalse();
    assertThat(manifests.ofKind("PodDisruptionBudget")).hasSize(1);

    JsonNode dashboards = manifests.ofKind("ConfigMap").stream()
        .filter(cm -> cm.at("/metadata/name").asText().endsWith("-dashboards"))
        .findFirst()
        .orElseThrow();
    assertThat(dashboards.at("/metadata/labels/grafana_dashboard").asText()).isEqualTo("1");
    assertThat(dashboards.at("/metadata/annotations/grafana_folder").asText()).isEqualTo("aestream");
    Path root = Tools.repoRoot().resolve("dashboards");
    List<String> jsonFiles;
    try (Stream<Path> files = Files.list(root)) {
      jsonFiles = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
    }
    assertThat(fieldNames(dashboards.path("data"))).containsExactlyInAnyOrderElementsOf(jsonFiles);
    for (String file : jsonFiles) {
      assertThat(dashboards.at("/data/" + file).asText())
          .as(file)
          .isEqualTo(Files.readString(root.resolve(file), StandardCharsets.UTF_8));
    }
  }

  @Test
  void shouldRunTheTrainerJobAgainstTheModelClaim() {
    Manifests manifests = render("-f", chart().resolve("ci/trainer-values.yaml").toString());

    JsonNode job = manifests.one("Job");
    assertThat(job.at("/metadata/labels/app.kubernetes.io~1component").asText()).isEqualTo("trainer");
    JsonNode pod = job.at("/spec/template/spec");
    assertThat(pod.path("restartPolicy").asText()).isEqualTo("Never");
    JsonNode trainer = named(pod.path("containers"), "trainer");
    assertThat(trainer.path("args").toString())
        .isEqualTo("[\"train\",\"--input\",\"/data/train\",\"--layout\",\"vector\","
            + "\"--columns\",\"temperature,pressure,vibration\",\"--kind\",\"denoising\","
            + "\"--out\",\"/models/current\",\"--quiet\"]");
    assertThat(named(trainer.path("env"), "JAVA_TOOL_OPTIONS").path("value").asText()).contains("MaxRAMPercentage=40");
    JsonNode models = named(trainer.path("volumeMounts"), "models");
    assertThat(models.path("mountPath").asText()).isEqualTo("/models");
    assertThat(models.path("readOnly").asBoolean(false)).isFalse();
    assertThat(named(pod.path("volumes"), "models").at("/persistentVolumeClaim/claimName").asText())
        .isEqualTo("aestream-models");
    assertThat(named(pod.path("volumes"), "data").at("/persistentVolumeClaim/claimName").asText())
        .isEqualTo("aestream-training-data");

    JsonNode streamMount = named(manifests.streamContainer().path("volumeMounts"), "models");
    assertThat(streamMount.path("mountPath").asText()).isEqualTo("/models");
    assertThat(streamMount.path("readOnly").asBoolean()).isTrue();
  }

  @Test
  void shouldReplaceTheTrainerJobOnlyWhenItsSettingsChange() {
    String trainer = "ci/trainer-values.yaml";
    String name = jobName(render("-f", chart().resolve(trainer).toString()));

    assertThat(jobName(render("-f", chart().resolve(trainer).toString(), "--set", "replicaCount=4"))).isEqualTo(name);
    assertThat(jobName(render("-f", chart().resolve(trainer).toString(), "--set", "trainer.args[7]=sparse")))
        .isNotEqualTo(name);
  }

  @Test
  void shouldCopyTheBundleFromTheModelImageInAnInitContainer() {
    Manifests manifests = render("-f", chart().resolve("ci/model-image-values.yaml").toString());

    JsonNode pod = manifests.streamPodSpec();
    JsonNode init = named(pod.path("initContainers"), "model");
    assertThat(init.path("image").asText()).isEqualTo("registry.example.com/aestream-models/sensor-ae:2024-06-01");
    assertThat(init.path("command").toString()).isEqualTo("[\"cp\",\"-R\",\"/model\",\"/models/current\"]");
    assertThat(named(init.path("volumeMounts"), "models").path("mountPath").asText()).isEqualTo("/models");
    assertThat(named(pod.path("volumes"), "models").has("emptyDir")).isTrue();
    JsonNode mount = named(manifests.streamContainer().path("volumeMounts"), "models");
    assertThat(mount.path("readOnly").asBoolean()).isTrue();
  }

  @Test
  void shouldRejectTyposAndSecretsThroughTheSchema() {
    assertRenderFails("replicaCont", "--set", "replicaCont=2");
    assertRenderFails("inptu", "--set", "config.topics.inptu=frames");
    assertRenderFails("processingGuarantee", "--set", "config.processingGuarantee=exactly_once");
    assertRenderFails("extraKafkaProperties", "--set-string", "config.extraKafkaProperties.sasl\\.jaas\\.config=secret");
  }

  @Test
  void shouldRejectContradictoryOrIncompleteSettings() {
    assertRenderFails(
        "mutually exclusive",
        "--set", "model.persistentVolumeClaim=models",
        "--set", "model.image.repository=models",
        "--set", "model.image.tag=v1");
    assertRenderFails("model.persistentVolumeClaim", "--set", "trainer.enabled=true", "--set", "trainer.args[0]=--x");
    assertRenderFails("jaasConfigSecret.name", "--set", "kafkaAuth.sasl.enabled=true");
    assertRenderFails("kafkaAuth.tls.secretName", "--set", "kafkaAuth.tls.enabled=true");
    assertRenderFails(
        "longer than 52", "--set", "statefulSet.enabled=true", "--set", "fullnameOverride=" + "s".repeat(53));
  }

  @Test
  void shouldKeepNamesWithinDnsLimitsForTheLongestReleaseName() {
    String longest = "r".repeat(53);
    for (String valuesFile : List.of("ci/trainer-values.yaml", "ci/adaptive-values.yaml")) {
      Tools.Result result = Helm.run(
          "template", longest, chart().toString(), "--namespace", NAMESPACE,
          "-f", chart().resolve(valuesFile).toString());
      assertThat(result.succeeded()).as(result.describe()).isTrue();

      for (JsonNode object : Manifests.parse(result.stdout()).objects()) {
        assertThat(object.at("/metadata/name").asText()).as(valuesFile).hasSizeLessThanOrEqualTo(63);
      }
    }
  }

  private static String checksum(Manifests manifests) {
    return manifests.one("Deployment").at("/spec/template/metadata/annotations/checksum~1config").asText();
  }

  private static String jobName(Manifests manifests) {
    return manifests.one("Job").at("/metadata/name").asText();
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static Map<String, String> strings(JsonNode node) {
    Map<String, String> map = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      map.put(e.getKey(), e.getValue().asText());
    }
    return map;
  }
}
