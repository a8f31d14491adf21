package io.aestream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Grafana dashboards, their provisioning files and the alerting rules under {@code
 * dashboards/}, and their copies inside the Helm chart.
 */
class DashboardsTest {

  private static final Path ROOT = Tools.repoRoot();
  private static final Path DASHBOARDS = ROOT.resolve("dashboards");
  private static final Path CHART_COPY = ROOT.resolve("helm/aestream/dashboards");
  private static final Path RULES = DASHBOARDS.resolve("alerts/aestream-rules.yaml");
  private static final Pattern RANGE = Pattern.compile("\\[([^\\]]+)\\]");
  private static final Pattern RATE = Pattern.compile("\\b(rate|irate|increase)\\(");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();

  static List<Path> dashboards() throws IOException {
    try (Stream<Path> files = Files.list(DASHBOARDS)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
  }

  @Test
  void shouldShipTheOverviewAndModelDashboards() throws IOException {
    assertThat(dashboards()).extracting(p -> p.getFileName().toString())
        .containsExactly("aestream-model.json", "aestream-overview.json");
  }

  @Test
  void shouldKeepChartCopiesByteIdentical() throws IOException {
    List<Path> canonical = new ArrayList<>(dashboards());
    canonical.add(RULES);
    for (Path file : canonical) {
      Path copy = CHART_COPY.resolve(DASHBOARDS.relativize(file));
      assertThat(copy).as("run: cp dashboards/*.json helm/aestream/dashboards/ && "
              + "cp dashboards/alerts/aestream-rules.yaml helm/aestream/dashboards/alerts/")
          .exists()
          .hasSameBinaryContentAs(file);
    }
    try (Stream<Path> copies = Files.list(CHART_COPY)) {
      assertThat(copies.filter(f -> f.toString().endsWith(".json")))
          .as("no dashboard only in the chart")
          .allSatisfy(f -> assertThat(DASHBOARDS.resolve(f.getFileName())).exists());
    }
  }

  @ParameterizedTest
  @MethodSource("dashboards")
  void shouldHaveFixedUidAndCurrentSchema(Path file) throws IOException {
    JsonNode dashboard = JSON.readTree(file.toFile());

    String expectedUid = file.getFileName().toString().replace(".json", "");
    assertThat(dashboard.path("uid").asText()).isEqualTo(expectedUid);
    assertThat(dashboard.path("schemaVersion").asInt()).isGreaterThanOrEqualTo(39);
    assertThat(dashboard.path("title").asText()).startsWith("aestream");
    assertThat(dashboard.path("id").isNull()).as("id is assigned by Grafana").isTrue();
  }

  @ParameterizedTest
  @MethodSource("dashboards")
  void shouldChainDatasourceJobAndInstanceVariables(Path file) throws IOException {
    JsonNode variables = JSON.readTree(file.toFile()).at("/templating/list");

    JsonNode datasource = variable(variables, "datasource");
    assertThat(datasource.path("type").asText()).isEqualTo("datasource");
    assertThat(datasource.path("query").asText()).isEqualTo("prometheus");
    JsonNode job = variable(variables, "job");
    assertThat(job.at("/datasource/uid").asText()).isEqualTo("${datasource}");
    assertThat(job.path("definition").asText()).contains("label_values(aestream_ready");
    JsonNode instance = variable(variables, "instance");
    assertThat(instance.at("/datasource/uid").asText()).isEqualTo("${datasource}");
    assertThat(instance.path("definition").asText()).contains("job=~\"$job\"");
  }

  @ParameterizedTest
  @MethodSource("dashboards")
  void shouldQueryThroughTheVariablesInEveryPanel(Path file) throws IOException {
    List<JsonNode> panels = panels(JSON.readTree(file.toFile()).path("panels"));
    Set<Integer> ids = new HashSet<>();

    assertThat(panels).isNotEmpty();
    for (JsonNode panel : panels) {
      String title = panel.path("title").asText();
      assertThat(ids.add(panel.path("id").asInt())).as("unique id of %s", title).isTrue();
      assertThat(panel.has("gridPos")).as(title).isTrue();
      if (panel.path("type").asText().equals("row")) {
        continue;
      }
      assertThat(panel.at("/datasource/uid").asText()).as(title).isEqualTo("${datasource}");
      assertThat(panel.path("targets")).as(title).isNotEmpty();
      for (JsonNode target : panel.path("targets")) {
        String expr = target.path("expr").asText();
        assertThat(target.at("/datasource/uid").asText()).as(title).isEqualTo("${datasource}");
        assertThat(expr).as(title).contains("job=~\"$job\"").contains("instance=~\"$instance\"");
        assertRangesUseGrafanaIntervals(title, expr);
      }
    }
  }

  @Test
  void shouldCoverTheIssuedPanels() throws IOException {
    List<String> overview = exprs(DASHBOARDS.resolve("aestream-overview.json"));
    for (String metric : List.of(
        "aestream_frames_consumed_total", "aestream_records_produced_total", "aestream_frame_latency_seconds_bucket",
        "aestream_inference_seconds_bucket", "aestream_reconstruction_error_bucket", "aestream_anomalies_total",
        "aestream_events_open", "aestream_dead_letters_total", "kafka_consumer_fetch_manager_records_lag_max",
        "aestream_model_info", "aestream_ready")) {
      assertThat(overview).as(metric).anyMatch(e -> e.contains(metric));
    }
    List<String> model = exprs(DASHBOARDS.resolve("aestream-model.json"));
    assertThat(model).anyMatch(e -> e.contains("aestream_model_threshold"));
    assertThat(model).anyMatch(e -> e.contains("aestream_events_opened_total"));
    assertThat(model).anyMatch(e -> e.contains("aestream_adaptive_finetunes_total") && e.contains("by (outcome)"));

    assertHeatmapOfPrometheusBuckets("aestream-overview.json", "aestream_reconstruction_error_bucket");
    assertHeatmapOfPrometheusBuckets("aestream-model.json", "aestream_anomaly_likelihood_bucket");
  }

  private static void assertHeatmapOfPrometheusBuckets(String dashboard, String buckets) throws IOException {
    JsonNode heatmap = panels(JSON.readTree(DASHBOARDS.resolve(dashboard).toFile()).path("panels")).stream()
        .filter(p -> p.path("type").asText().equals("heatmap") && p.at("/targets/0/expr").asText().contains(buckets))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no heatmap of " + buckets + " in " + dashboard));
    assertThat(heatmap.at("/targets/0/format").asText()).as(buckets).isEqualTo("heatmap");
    assertThat(heatmap.at("/targets/0/expr").asText()).as(buckets).contains("by (le)");
    assertThat(heatmap.at("/options/calculate").asBoolean(true)).as("%s come from Prometheus", buckets).isFalse();
  }

  @Test
  void shouldProvisionAPrometheusDatasourceAndTheDashboardFolder() throws IOException {
    JsonNode datasources = YAML.readTree(DASHBOARDS.resolve("provisioning/datasources.yaml").toFile());
    assertThat(datasources.path("apiVersion").asInt()).isEqualTo(1);
    assertThat(datasources.at("/datasources/0/type").asText()).isEqualTo("prometheus");
    assertThat(datasources.at("/datasources/0/jsonData/timeInterval").asText()).isNotEmpty();

    JsonNode providers = YAML.readTree(DASHBOARDS.resolve("provisioning/dashboards.yaml").toFile());
    assertThat(providers.path("apiVersion").asInt()).isEqualTo(1);
    assertThat(providers.at("/providers/0/type").asText()).isEqualTo("file");
    assertThat(providers.at("/providers/0/options/path").asText()).isNotEmpty();
  }

  @Test
  void shouldDescribeEveryAlert() throws IOException {
    List<String> alerts = new ArrayList<>();
    for (JsonNode group : YAML.readTree(RULES.toFile()).path("groups")) {
      for (JsonNode rule : group.path("rules")) {
        String alert = rule.path("alert").asText();
        alerts.add(alert);
        assertThat(rule.path("labels").path("severity").asText()).as(alert).isIn("warning", "critical");
        assertThat(rule.at("/annotations/summary").asText()).as(alert).isNotBlank();
        assertThat(rule.at("/annotations/description").asText()).as(alert).isNotBlank();
        assertThat(rule.path("for").asText()).as(alert).isNotBlank();
      }
    }
    assertThat(alerts).contains(
        "AestreamDown", "AestreamNotReady", "AestreamHighAnomalyRate", "AestreamDeadLetters", "AestreamConsumerLagHigh");
  }

  @Test
  void shouldPassPromtoolRuleChecks() {
    Tools.Result check = Tools.run(List.of(Tools.promtool().toString(), "check", "rules", RULES.toString()));

    assertThat(check.succeeded()).as(check.describe()).isTrue();
    assertThat(check.stdout()).contains("SUCCESS");
  }

  private static void assertRangesUseGrafanaIntervals(String title, String expr) {
    Matcher range = RANGE.matcher(expr);
    while (range.find()) {
      assertThat(range.group(1)).as("range in %s: %s", title, expr).isIn("$__rate_interval", "$__range");
    }
    Matcher rate = RATE.matcher(expr);
    while (rate.find()) {
      String rest = expr.substring(rate.end());
      String window = rest.substring(rest.indexOf('[') + 1, rest.indexOf(']'));
      if (rate.group(1).endsWith("rate")) {
        assertThat(window).as("rate window in %s", title).isEqualTo("$__rate_interval");
      }
    }
  }

  private static JsonNode variable(JsonNode variables, String name) {
    for (JsonNode variable : variables) {
      if (name.equals(variable.path("name").asText())) {
        return variable;
      }
    }
    throw new AssertionError("no variable " + name);
  }

  private static List<JsonNode> panels(JsonNode panels) {
    List<JsonNode> all = new ArrayList<>();
    for (JsonNode panel : panels) {
      all.add(panel);
      all.addAll(panels(panel.path("panels")));
    }
    return all;
  }

  private static List<String> exprs(Path dashboard) throws IOException {
    List<String> exprs = new ArrayList<>();
    for (JsonNode panel : panels(JSON.readTree(dashboard.toFile()).path("panels"))) {
      panel.path("targets").forEach(t -> exprs.add(t.path("expr").asText()));
    }
    return exprs;
  }
}
