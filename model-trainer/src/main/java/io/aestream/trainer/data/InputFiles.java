package io.aestream.trainer.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Expands {@code --input} arguments (files and directories) into an ordered list of data files of one kind.
 * Directory contents are sorted by name, so "a season of logs" is read in time order when named by date.
 */
public record InputFiles(Kind kind, List<Path> files) {

    /** Tabular (CSV/TSV/TXT) or audio (WAV) input. */
    public enum Kind { TABLE, AUDIO }

    public InputFiles {
        files = List.copyOf(files);
    }

    public static InputFiles expand(List<Path> inputs) {
        if (inputs == null || inputs.isEmpty()) {
            throw new BadInputException("input: at least one file or directory is required");
        }
        List<Path> files = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                files.addAll(listData(p));
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                throw BadInputException.inFile(p, "does not exist");
            }
        }
        if (files.isEmpty()) {
            throw new BadInputException("input: no .csv, .tsv, .txt or .wav files in " + inputs);
        }
        Kind kind = kindOf(files.get(0));
        for (Path f : files) {
            if (kindOf(f) != kind) {
                throw BadInputException.inFile(f, "cannot mix " + kind.name().toLowerCase(Locale.ROOT) + " and "
                        + kindOf(f).name().toLowerCase(Locale.ROOT) + " input files");
            }
        }
        return new InputFiles(kind, files);
    }

    public static Kind kindOf(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".wav") ? Kind.AUDIO : Kind.TABLE;
    }

    private static List<Path> listData(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(csv|tsv|txt|wav)"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
