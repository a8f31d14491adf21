package io.aestream.launcher.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aestream.bundle.BundleIO;
import io.aestream.cli.ExitCodes;
import io.aestream.deploy.Tools;
import io.aestream.launcher.Main;
import io.aestream.stream.StreamApp;
import io.aestream.stream.config.ConfigLoader;
import io.aestream.stream.config.Settings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * A broken model file stops every command that loads it with exit code 2 and a message that says what is wrong,
 * and the stream app refuses to start (before it touches Kafka) rather than score with a model it cannot trust.
 */
class BadModelFilesTest {
    private static final Path GOLDEN = Tools.repoRoot().resolve("model-trainer/src/test/resources/golden/bundle");

    @TempDir
    Path tmp;

    /** How to break a copy of the golden bundle, and what the message must say. */
    interface Breakage {
        Path apply(Path bundleDir, Path tmp) throws IOException;
    }

    static Stream<Arguments> breakages() {
        return Stream.of(
                Arguments.of("corrupt zip", (Breakage) (dir, tmp) -> {
                    Path zip = tmp.resolve("model.zip");
                    Files.write(zip, "PK\u0003\u0004 this is not a zip".getBytes(StandardCharsets.ISO_8859_1));
                    return zip;
                }, "cannot read"),
                Arguments.of("truncated zip", (Breakage) (dir, tmp) -> {
                    Path zip = tmp.resolve("model.zip");
                    BundleIO.zip(dir, zip);
                    byte[] bytes = Files.readAllBytes(zip);
                    Files.write(zip, Arrays.copyOf(bytes, bytes.length / 2));
                    return zip;
                }, "cannot read"),
                Arguments.of("checksum mismatch", (Breakage) (dir, tmp) -> {
                    replace(dir.resolve("network.json"), "\"inputs\" : 3", "\"inputs\" : 3 ");
                    return dir;
                }, "checksum mismatch for network.json"),
                Arguments.of("newer format version", (Breakage) (dir, tmp) -> {
                    replace(dir.resolve("manifest.json"), "\"formatVersion\" : 1", "\"formatVersion\" : 2");
                    return dir;
                }, "unknown format version 2"),
                Arguments.of("wrong dimension", (Breakage) (dir, tmp) -> {
                    replace(dir.resolve("manifest.json"), "\"columns\" : [ \"a\", \"b\", \"c\" ]", "\"columns\" : [ \"a\", \"b\", \"c\", \"d\" ]");
                    return dir;
                }, "4"),
                Arguments.of("network.json missing", (Breakage) (dir, tmp) -> {
                    Files.delete(dir.resolve("network.json"));
                    return dir;
                }, "network.json listed in the manifest is missing"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breakages")
    void shouldExitWithUsageErrorNamingTheProblemWhenInspectingOrScoring(String name, Breakage breakage, String says) throws IOException {
        Path model = breakage.apply(copyOfGolden(), tmp);
        Path csv = Files.writeString(tmp.resolve("rows.csv"), "a,b,c\n1,2,3\n");

        for (String[] args : new String[][] {{"inspect", "--model", model.toString()},
                {"score", "--model", model.toString(), "--input", csv.toString(), "--out", tmp.resolve("s.csv").toString()}}) {
            StringWriter err = new StringWriter();
            int exit = Main.commandLine().setErr(new PrintWriter(err, true)).setOut(new PrintWriter(new StringWriter())).execute(args);
            assertThat(exit).as(args[0]).isEqualTo(ExitCodes.USAGE);
            assertThat(err.toString()).as(args[0]).contains("bundle " + model).contains(says);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breakages")
    void shouldRefuseToStartTheStreamAppNamingTheModelSetting(String name, Breakage breakage, String says) throws IOException {
        Path model = breakage.apply(copyOfGolden(), tmp);
        Map<String, String> env = Map.of(Settings.MODEL_PATH, model.toString(), Settings.BOOTSTRAP_SERVERS, "127.0.0.1:9",
                Settings.STATE_DIR, tmp.resolve("state").toString(), Settings.HTTP_PORT, "0");

        assertThatThrownBy(() -> StreamApp.start(ConfigLoader.load(env, Map.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(Settings.MODEL_PATH + ": bundle " + model)
                .hasMessageContaining(says);
        int exit = Main.commandLine().setErr(new PrintWriter(new StringWriter())).execute("stream", "--model", model.toString(),
                "--bootstrap-servers", "127.0.0.1:9", "--state-dir", tmp.resolve("state").toString(), "--http-port", "0");
        assertThat(exit).isEqualTo(ExitCodes.USAGE);
    }

    private Path copyOfGolden() throws IOException {
        Path dir = tmp.resolve("bundle");
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(GOLDEN)) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        return dir;
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).as(file.getFileName().toString()).contains(from);
        Files.writeString(file, text.replace(from, to));
    }
}
