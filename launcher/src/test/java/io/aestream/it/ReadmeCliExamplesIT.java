package io.aestream.it;

import io.aestream.launcher.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "Training and scoring from the command line" block, run line by line as written (continuations
 * joined, comments dropped) by the development jar's main class in an empty folder: a newcomer who copies it gets
 * exit code 0 from every line and the files it names.
 */
class ReadmeCliExamplesIT {
    private static final String SECTION = "## Training and scoring from the command line";

    @Test
    void shouldRunEveryCommandOfTheReadmeCliSectionAsWritten(@TempDir Path dir) throws Exception {
        List<String> commands = readmeCommands();
        assertThat(commands).as("./aestream lines in the README's CLI section").hasSizeGreaterThanOrEqualTo(8)
                .first().asString().startsWith("./aestream example-data");

        StringBuilder evaluateAudio = new StringBuilder();
        for (String command : commands) {
            String output = run(dir, command);
            if (command.contains("--reference")) {
                evaluateAudio.append(output);
            }
        }

        assertThat(dir.resolve("models/pump/manifest.json")).isNotEmptyFile();
        assertThat(dir.resolve("models/speech/manifest.json")).isNotEmptyFile();
        assertThat(Files.readAllLines(dir.resolve("scores.csv"))).hasSizeGreaterThan(1000);
        assertThat(Files.readString(dir.resolve("eval.json"))).contains("\"rocAuc\"");
        assertThat(Files.readAllLines(dir.resolve("codes.csv"))).hasSizeGreaterThan(1000);
        assertThat(dir.resolve("sensors-denoised.csv")).isNotEmptyFile();
        assertThat(dir.resolve("denoised/clip.wav")).isNotEmptyFile();
        assertThat(evaluateAudio.toString()).contains("SI-SDR", "wiener");
    }

    /** The block's {@code ./aestream} lines, continuations joined and trailing comments dropped. */
    static List<String> readmeCommands() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        String section = readme.substring(readme.indexOf(SECTION));
        int start = section.indexOf("```bash\n") + "```bash\n".length();
        String block = section.substring(start, section.indexOf("```", start)).replace("\\\n", " ");
        List<String> commands = new ArrayList<>();
        for (String line : block.split("\n")) {
            String code = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
            if (code.strip().startsWith("./aestream ")) {
                commands.add(code.strip().replaceAll("\\s+", " "));
            }
        }
        return commands;
    }

    private static String run(Path dir, String command) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        argv.addAll(List.of(command.substring("./aestream ".length()).split(" ")));
        Path log = Files.createTempFile(dir.getParent(), "readme-cli", ".log");
        Process p = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = p.waitFor(10, TimeUnit.MINUTES);
        String output = Files.readString(log);
        if (!finished) {
            p.destroyForcibly().waitFor();
        }
        assertThat(finished && p.exitValue() == 0).as("%s%n%s", command, output).isTrue();
        return output;
    }
}
