package io.aestream.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every PromQL expression the repository ships: panel targets of the Grafana dashboards in
 * {@code dashboards/*.json} and alert expressions of {@code dashboards/alerts/*.yaml}.
 *
 * <p>Grafana variables are replaced so the result is plain PromQL that Prometheus can parse and
 * evaluate: {@code $__rate_interval} and {@code $__interval} by {@code 1m}, {@code $__range} by
 * {@code 1h}, and the {@code $job} / {@code $instance} variables (always used as {@code
 * job=~"$job"}) by {@code .*}. Reused by tests that evaluate the queries against a Prometheus
 * scraping a running app.
 */
public final class DashboardExpressions {

  /** An expression and where it comes from, e.g. {@code aestream-overview.json: Throughput in [A]}. */
  public record Expression(String source, String promql) {}

  private static final Map<String, String> SUBSTITUTIONS = substitutions();

  private DashboardExpressions() {}

  /** Panel target expressions of every dashboard under {@code dashboardsDir}, substituted. */
  public static List<Expression> panelExpressions(Path dashboardsDir) {
    ObjectMapper json = new ObjectMapper();
    List<Expression> found = new ArrayList<>();
    for (Path file : files(dashboardsDir, ".json")) {
      JsonNode dashboard = read(json, file);
      collectPanels(file.getFileName().toString(), dashboard.path("panels"), found);
    }
    return found;
  }

  /** Alert and recording rule expressions of every rules file under {@code dashboardsDir/alerts}. */
  public static List<Expression> ruleExpressions(Path dashboardsDir) {
    YAMLMapper yaml = new YAMLMapper();
    List<Expression> found = new ArrayList<>();
    for (Path file : files(dashboardsDir.resolve("alerts"), ".yaml")) {
      for (JsonNode group : read(yaml, file).path("groups")) {
        for (JsonNode rule : group.path("rules")) {
          String name = rule.has("alert") ? rule.path("alert").asText() : rule.path("record").asText();
          found.add(new Expression(file.getFileName() + ": " + name, substitute(rule.path("expr").asText())));
        }
      }
    }
    return found;
  }

  /** Panel and rule expressions together. */
  public static List<Expression> all(Path dashboardsDir) {
    List<Expression> all = new ArrayList<>(panelExpressions(dashboardsDir));
    all.addAll(ruleExpressions(dashboardsDir));
    return all;
  }

  /** Replaces the Grafana variables of {@code expr} by values that keep it valid PromQL. */
  public static String substitute(String expr) {
    String result = expr;
    for (Map.Entry<String, String> s : SUBSTITUTIONS.entrySet()) {
      result = result.replace(s.getKey(), s.getValue());
    }
    return result.strip();
  }

  private static void collectPanels(String file, JsonNode panels, List<Expression> found) {
    for (JsonNode panel : panels) {
      for (JsonNode target : panel.path("targets")) {
        if (target.hasNonNull("expr")) {
          String source = file + ": " + panel.path("title").asText() + " [" + target.path("refId").asText() + "]";
          found.add(new Expression(source, substitute(target.path("expr").asText())));
        }
      }
      // Collapsed rows keep their panels nested.
      collectPanels(file, panel.path("panels"), found);
    }
  }

  private static Map<String, String> substitutions() {
    // Ordered: the longer names first, so $__rate_interval is not eaten by $__interval.
    Map<String, String> map = new LinkedHashMap<>();
    map.put("$__rate_interval", "1m");
    map.put("${__rate_interval}", "1m");
    map.put("$__interval", "1m");
    map.put("${__interval}", "1m");
    map.put("$__range", "1h");
    map.put("${__range}", "1h");
    map.put("${instance}", ".*");
    map.put("$instance", ".*");
    map.put("${job}", ".*");
    map.put("$job", ".*");
    return map;
  }

  private static List<Path> files(Path dir, String suffix) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode read(ObjectMapper mapper, Path file) {
    try {
      return mapper.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse " + file, e);
    }
  }
}
