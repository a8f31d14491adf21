package io.aestream.stream;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The stream app as its own JVM ({@code java io.aestream.stream.StreamApp}), as in production: it can be killed with
 * SIGKILL and measured on its own. Settings come as its environment; it runs in an empty working directory with an
 * empty $HOME and its own temp directory, and logs with timestamps to {@code <dir>/<name>.log}.
 */
final class AppProcess {
    private AppProcess() {
    }

    static Process start(Path dir, String name, Map<String, String> settings, String... jvmOptions) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS",
                "-Djava.io.tmpdir=" + Files.createDirectories(dir.resolve("java-tmp"))));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), StreamApp.class.getName()));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(settings);
        pb.environment().put("HOME", Files.createDirectories(dir.resolve("home")).toString());
        pb.directory(Files.createDirectories(dir.resolve("work")).toFile());
        return pb.redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile()).start();
    }

    /** True if the app wrote nothing to its working directory or $HOME (what a read-only root file system forbids). */
    static boolean wroteOnlyWhereAllowed(Path dir) throws IOException {
        try (var work = Files.list(dir.resolve("work")); var home = Files.list(dir.resolve("home"))) {
            return work.findAny().isEmpty() && home.findAny().isEmpty();
        }
    }
}
