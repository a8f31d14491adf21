package io.aestream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.aestream.deploy.DashboardExpressions.Expression;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardExpressionsTest {

  private static final Path DASHBOARDS = Tools.repoRoot().resolve("dashboards");

  @Test
  void shouldFindPanelAndAlertExpressions() {
    List<Expression> panels = DashboardExpressions.panelExpressions(DASHBOARDS);
    List<Expression> rules = DashboardExpressions.ruleExpressions(DASHBOARDS);

    assertThat(panels).hasSizeGreaterThan(20);
    assertThat(panels).extracting(Expression::source).anyMatch(s -> s.startsWith("aestream-overview.json: "));
    assertThat(panels).extracting(Expression::source).anyMatch(s -> s.startsWith("aestream-model.json: "));
    assertThat(rules).extracting(Expression::source).anyMatch(s -> s.endsWith(": AestreamConsumerLagHigh"));
  }

  @Test
  void shouldLeaveNoGrafanaVariableBehind() {
    assertThat(DashboardExpressions.all(DASHBOARDS))
        .allSatisfy(e -> assertThat(e.promql()).as(e.source()).doesNotContain("$").isNotBlank());
  }

  @Test
  void shouldSubstituteVariablesIntoValidMatchers() {
    assertThat(DashboardExpressions.substitute(
            "sum(rate(aestream_anomalies_total{job=~\"$job\",instance=~\"${instance}\"}[$__rate_interval]))"))
        .isEqualTo("sum(rate(aestream_anomalies_total{job=~\".*\",instance=~\".*\"}[1m]))");
    assertThat(DashboardExpressions.substitute("increase(x[$__range]) / increase(x[$__interval])"))
        .isEqualTo("increase(x[1h]) / increase(x[1m])");
  }

  /** promtool parses every expression: each becomes a recording rule of a generated rules file. */
  @Test
  void shouldBeValidPromqlForPromtool(@TempDir Path tmp) throws IOException {
    Path promtool = Tools.promtool();
    // promtool lints duplicate rules; dashboards legitimately repeat a query.
    Set<String> unique = new LinkedHashSet<>();
    DashboardExpressions.all(DASHBOARDS).forEach(e -> unique.add(e.promql()));
    List<Map<String, String>> rules = new ArrayList<>();
    int n = 0;
    for (String promql : unique) {
      Map<String, String> rule = new LinkedHashMap<>();
      rule.put("record", "aestream_dashboard:expr_" + n++);
      rule.put("expr", promql);
      rules.add(rule);
    }
    Path file = tmp.resolve("dashboard-expressions.yaml");
    new YAMLMapper().writeValue(file.toFile(), Map.of("groups", List.of(Map.of("name", "dashboards", "rules", rules))));

    Tools.Result check = Tools.run(List.of(promtool.toString(), "check", "rules", file.toString()));

    assertThat(check.succeeded()).as(check.describe() + "\n--- file\n" + Files.readString(file)).isTrue();
    assertThat(check.stdout()).contains("SUCCESS: " + unique.size() + " rules found");
  }
}
