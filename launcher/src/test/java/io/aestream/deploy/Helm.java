package io.aestream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the helm binary against {@code helm/aestream}, rendering as release {@value #RELEASE} in {@value #NAMESPACE}. */
final class Helm {

  static final String RELEASE = "rel";
  static final String NAMESPACE = "streaming";
  static final String FULLNAME = "rel-aestream";

  private Helm() {}

  static Path chart() {
    return Tools.repoRoot().resolve("helm/aestream");
  }

  /** The objects {@code helm template} renders with {@code args}; fails the test if rendering fails. */
  static Manifests render(String... args) {
    Tools.Result result = template(args);
    assertThat(result.succeeded()).as(result.describe()).isTrue();
    return Manifests.parse(result.stdout());
  }

  static Tools.Result template(String... args) {
    List<String> command = new ArrayList<>(List.of("template", RELEASE, chart().toString(), "--namespace", NAMESPACE));
    command.addAll(List.of(args));
    return run(command.toArray(String[]::new));
  }

  static Tools.Result run(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Tools.helm().toString());
    command.addAll(List.of(args));
    return Tools.run(command);
  }

  /** Fails unless rendering with {@code args} fails with {@code expectedInError} in its message. */
  static void assertRenderFails(String expectedInError, String... args) {
    Tools.Result result = template(args);
    assertThat(result.succeeded()).as("helm template %s should fail", List.of(args)).isFalse();
    assertThat(result.stderr()).contains(expectedInError);
  }

  /** {@code -f <chart>/<valuesFile>}. */
  static String[] values(String valuesFile, String... more) {
    List<String> args = new ArrayList<>(List.of("-f", chart().resolve(valuesFile).toString()));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }
}
