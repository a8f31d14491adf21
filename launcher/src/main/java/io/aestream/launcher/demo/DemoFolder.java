package io.aestream.launcher.demo;

import org.apache.kafka.common.utils.Utils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The report folder: created if missing, replaced if it holds an earlier demo, refused if it holds anything else. */
final class DemoFolder {
    static final String MARKER = ".aestream-demo";

    private DemoFolder() {
    }

    static Path prepare(Path dir) throws IOException {
        if (Files.isDirectory(dir) && !isEmpty(dir)) {
            if (!Files.exists(dir.resolve(MARKER))) {
                throw new IllegalArgumentException("--out: " + dir + " is not empty and not an earlier demo's folder;"
                        + " choose another --out");
            }
            Utils.delete(dir.toFile());
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(MARKER), "written by aestream demo; the next demo run replaces this folder\n");
        return dir;
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }
}
