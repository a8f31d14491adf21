package io.aestream.deploy;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the repository root and the external tools the deployment tests shell out to
 * (helm, promtool, prometheus), and runs them.
 *
 * <p>A tool is taken from its environment variable ({@code AESTREAM_HELM}, {@code
 * AESTREAM_PROMTOOL}, {@code AESTREAM_PROMETHEUS}), else from {@code <repo>/.tools/}, where
 * {@code .ci/install-tools.sh} puts it, else from {@code PATH}. A missing tool fails the test
 * when {@code CI=true} and skips it otherwise.
 */
public final class Tools {

  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  private Tools() {}

  /** Output of a finished command. */
  public record Result(int exitCode, String stdout, String stderr) {
    boolean succeeded() {
      return exitCode == 0;
    }

    public String describe() {
      return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
    }
  }

  /** The repository root: the nearest directory, from the working dir up, holding {@code helm/}. */
  public static Path repoRoot() {
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("helm"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no directory containing helm/ above " + start);
  }

  static Path helm() {
    return require("helm", "AESTREAM_HELM", Path.of("helm", "helm"));
  }

  static Path promtool() {
    return require("promtool", "AESTREAM_PROMTOOL", Path.of("prometheus", "promtool"));
  }

  public static Path kcat() {
    return require("kcat", "AESTREAM_KCAT", Path.of("kcat", "kcat"));
  }

  public static Path prometheus() {
    return require("prometheus", "AESTREAM_PROMETHEUS", Path.of("prometheus", "prometheus"));
  }

  /** Runs a command in the repository root, failing the test if it does not finish in time. */
  public static Result run(List<String> command) {
    try {
      Process process =
          new ProcessBuilder(command).directory(repoRoot().toFile()).start();
      process.getOutputStream().close();
      // Both streams are drained concurrently so a chatty command cannot block on a full pipe.
      CompletableFuture<String> stdout = drain(process.getInputStream());
      CompletableFuture<String> stderr = drain(process.getErrorStream());
      if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return fail(command + " did not finish within " + TIMEOUT);
      }
      return new Result(process.exitValue(), stdout.join(), stderr.join());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static CompletableFuture<String> drain(InputStream stream) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private static Path require(String name, String envVar, Path underTools) {
    String configured = System.getenv(envVar);
    if (configured != null && !configured.isBlank()) {
      Path path = Path.of(configured);
      if (!Files.isExecutable(path)) {
        return fail(envVar + "=" + configured + " is not an executable file");
      }
      return path;
    }
    Optional<Path> found = executable(repoRoot().resolve(".tools").resolve(underTools)).or(() -> onPath(name));
    if (found.isPresent()) {
      return found.get();
    }
    String message =
        name + " not found (" + envVar + ", .tools/" + underTools + ", PATH): run .ci/install-tools.sh";
    if ("true".equals(System.getenv("CI"))) {
      return fail(message);
    }
    return Assumptions.abort(message);
  }

  private static Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    List<Path> candidates = new ArrayList<>();
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty()) {
        candidates.add(Path.of(dir, name));
      }
    }
    return candidates.stream().filter(Files::isExecutable).findFirst();
  }

  private static Optional<Path> executable(Path path) {
    return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
  }
}
