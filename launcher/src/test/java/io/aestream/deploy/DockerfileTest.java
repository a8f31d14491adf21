package io.aestream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Structure of the root {@code Dockerfile}, which cannot be built here (no Docker engine): a
 * pinned multi-stage build of the production jar only (the cli module; its ProductionJarIT checks that jar holds
 * no broker or test kit), a non-root runtime, container-aware JVM flags and the stream/train commands.
 */
class DockerfileTest {

  /** One instruction, continuation lines joined and comments dropped. */
  record Instruction(String keyword, String arguments) {}

  private static List<Instruction> instructions;

  @BeforeAll
  static void parse() throws IOException {
    instructions = parse(Files.readAllLines(Tools.repoRoot().resolve("Dockerfile")));
  }

  @Test
  void shouldBuildInOneStageAndRunInAnother() {
    List<Instruction> froms = all("FROM");
    assertThat(froms).hasSizeGreaterThanOrEqualTo(2);
    assertThat(froms.get(0).arguments()).containsIgnoringCase(" AS build").startsWith("maven:");
    assertThat(runtimeStage()).noneMatch(i -> i.arguments().contains("mvn"));
    assertThat(last("FROM").arguments()).startsWith("eclipse-temurin:17").contains("-jre");
  }

  @Test
  void shouldPinEveryBaseImage() {
    Set<String> stages = new HashSet<>();
    for (Instruction from : all("FROM")) {
      String[] words = from.arguments().split("\\s+");
      String image = words[0];
      if (!stages.contains(image)) {
        boolean digest = image.contains("@sha256:");
        String tag = image.substring(image.lastIndexOf('/') + 1);
        assertThat(digest || tag.contains(":")).as("%s has a tag or digest", image).isTrue();
        assertThat(tag).as(image).doesNotEndWith(":latest");
        assertThat(image).as("no build-arg controlled image").doesNotContain("$");
      }
      if (words.length == 3 && words[1].equalsIgnoreCase("AS")) {
        stages.add(words[2]);
      }
    }
  }

  @Test
  void shouldRunAsNumericNonRootUser() {
    List<Instruction> users = runtimeStage().stream().filter(i -> i.keyword().equals("USER")).toList();
    assertThat(users).isNotEmpty();
    String user = users.get(users.size() - 1).arguments();
    assertThat(user).matches("\\d+(:\\d+)?");
    assertThat(Integer.parseInt(user.split(":")[0])).isGreaterThanOrEqualTo(10000);
  }

  @Test
  void shouldCopyOnlyTheProductionJarIntoTheRuntime() {
    List<Instruction> copies = runtimeStage().stream().filter(i -> i.keyword().matches("COPY|ADD")).toList();
    assertThat(copies).hasSize(1);
    assertThat(copies.get(0).arguments())
        .contains("--from=build")
        .contains("cli/target/aestream-cli.jar")
        .endsWith("/app/aestream.jar");
  }

  @Test
  void shouldBuildOnlyTheProductionModule() {
    String build = String.join(" ", instructions.stream().filter(i -> i.keyword().equals("RUN") && i.arguments().contains("mvn"))
        .map(Instruction::arguments).toList());
    assertThat(build).contains("-pl cli -am").doesNotContain("launcher");
  }

  @Test
  void shouldSizeTheJvmFromTheContainerLimit() {
    String env = String.join(" ", runtimeStage().stream().filter(i -> i.keyword().equals("ENV")).map(Instruction::arguments).toList());
    String entrypoint = last("ENTRYPOINT").arguments();
    assertThat(env + " " + entrypoint).contains("-XX:MaxRAMPercentage=").contains("-XX:+ExitOnOutOfMemoryError");
  }

  @Test
  void shouldStartTheStreamAppByDefaultThroughTheFatJar() {
    assertThat(last("ENTRYPOINT").arguments()).startsWith("[\"java\"").endsWith("\"-jar\", \"/app/aestream.jar\"]");
    assertThat(last("CMD").arguments()).isEqualTo("[\"stream\"]");
  }

  @Test
  void shouldDeclareModelAndStateDirectories() {
    String env = String.join(" ", runtimeStage().stream().filter(i -> i.keyword().equals("ENV")).map(Instruction::arguments).toList());
    assertThat(env).contains("AESTREAM_MODEL_PATH=/models/current").contains("AESTREAM_STATE_DIR=/var/lib/aestream");
  }

  @Test
  void shouldExposeHttpAndCheckLiveness() {
    assertThat(all("EXPOSE")).extracting(Instruction::arguments).contains("8080");
    assertThat(last("HEALTHCHECK").arguments()).contains("/health/live").doesNotContain("curl");
  }

  @Test
  void shouldKeepTheBuildContextToSourcesAndPoms() throws IOException {
    List<String> ignore = Files.readAllLines(Tools.repoRoot().resolve(".dockerignore")).stream()
        .map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .toList();
    assertThat(ignore).startsWith("*").contains("!pom.xml", "**/target/");
  }

  private static List<Instruction> runtimeStage() {
    int lastFrom = instructions.lastIndexOf(last("FROM"));
    return instructions.subList(lastFrom, instructions.size());
  }

  private static Instruction last(String keyword) {
    List<Instruction> found = all(keyword);
    assertThat(found).as(keyword).isNotEmpty();
    return found.get(found.size() - 1);
  }

  private static List<Instruction> all(String keyword) {
    return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
  }

  static List<Instruction> parse(List<String> lines) {
    List<Instruction> parsed = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String raw : lines) {
      String line = raw.strip();
      if (line.startsWith("#") || (line.isEmpty() && current.length() == 0)) {
        continue;
      }
      boolean continues = line.endsWith("\\");
      current.append(continues ? line.substring(0, line.length() - 1) : line).append(' ');
      if (!continues) {
        String text = current.toString().strip();
        int space = text.indexOf(' ');
        String keyword = (space < 0 ? text : text.substring(0, space)).toUpperCase(Locale.ROOT);
        String arguments = space < 0 ? "" : text.substring(space + 1).strip().replaceAll("\\s+", " ");
        parsed.add(new Instruction(keyword, arguments));
        current.setLength(0);
      }
    }
    return parsed;
  }
}
