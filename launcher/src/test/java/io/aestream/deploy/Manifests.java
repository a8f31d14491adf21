package io.aestream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

/** The Kubernetes objects of a {@code helm template} run, parsed from its multi-document YAML. */
record Manifests(List<JsonNode> objects) {

  private static final YAMLMapper YAML = new YAMLMapper();

  static Manifests parse(String multiDocumentYaml) {
    List<JsonNode> objects = new ArrayList<>();
    try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(multiDocumentYaml)) {
      while (docs.hasNext()) {
        JsonNode doc = docs.next();
        // "---" followed only by a comment (a disabled template) parses as an empty document.
        if (doc != null && !doc.isNull() && !doc.isEmpty()) {
          objects.add(doc);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Manifests(List.copyOf(objects));
  }

  List<JsonNode> ofKind(String kind) {
    return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
  }

  /** The single object of a kind; fails when there is none or more than one. */
  JsonNode one(String kind) {
    List<JsonNode> found = ofKind(kind);
    assertThat(found).as("objects of kind %s", kind).hasSize(1);
    return found.get(0);
  }

  /** The pod spec of the Deployment or StatefulSet running the stream app. */
  JsonNode streamPodSpec() {
    List<JsonNode> workloads = new ArrayList<>(ofKind("Deployment"));
    workloads.addAll(ofKind("StatefulSet"));
    assertThat(workloads).as("Deployment or StatefulSet").hasSize(1);
    return workloads.get(0).path("spec").path("template").path("spec");
  }

  JsonNode streamContainer() {
    return named(streamPodSpec().path("containers"), "aestream");
  }

  /** The ConfigMap holding the app's environment (the one without dashboards). */
  JsonNode appConfig() {
    return ofKind("ConfigMap").stream()
        .filter(cm -> cm.path("data").has("KAFKA_BOOTSTRAP_SERVERS"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no ConfigMap with KAFKA_BOOTSTRAP_SERVERS"));
  }

  /** The element with the given {@code name} field in a list such as containers, volumes or env. */
  static JsonNode named(JsonNode list, String name) {
    return StreamSupport.stream(list.spliterator(), false)
        .filter(item -> name.equals(item.path("name").asText()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no element named " + name + " in " + list));
  }

  static boolean hasNamed(JsonNode list, String name) {
    return StreamSupport.stream(list.spliterator(), false).anyMatch(item -> name.equals(item.path("name").asText()));
  }
}
