package io.aestream.trainer.bench;

import io.aestream.frame.FrameSpec;
import io.aestream.trainer.cli.TrainCommand;
import io.aestream.trainer.data.Dataset;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The SKAB protocol shared by the benchmark runners: {@code <data>/skab} → its experiment CSVs (sorted, anomaly-free
 * files left out), each file → its bundle folder under {@code work}, trained by the exact {@code train} command on
 * rows {@code 0:trainRows} plus the caller's extra train arguments.
 */
public record SkabExperiments(Path skab, Path work, int trainRows, List<String> trainArgs) {
    static final String COLUMNS = "Accelerometer1RMS,Accelerometer2RMS,Current,Pressure,Temperature,Thermocouple,Voltage,"
            + "Volume Flow RateRMS";
    private static final char SEPARATOR = ';';
    private static final String TIMESTAMP = "datetime";
    private static final String LABEL = "anomaly";
    private static final String CHANGEPOINT = "changepoint";

    public SkabExperiments {
        trainArgs = List.copyOf(trainArgs);
    }

    /** Every experiment file below {@code skab}, sorted so runs are comparable. */
    public List<Path> files() throws IOException {
        try (Stream<Path> s = Files.walk(skab)) {
            return s.filter(p -> p.toString().endsWith(".csv") && !p.toString().contains("anomaly-free")).sorted().toList();
        }
    }

    /** The bundle folder for one experiment file: its path below {@code skab} flattened into one name. */
    public Path bundleDir(Path file) {
        return work.resolve(skab.relativize(file).toString().replace('/', '_').replace(".csv", ""));
    }

    /** Trains one file's bundle into {@code out} with the {@code train} command; returns its exit code. */
    public int train(Path file, Path out) {
        List<String> args = new ArrayList<>(List.of("--input", file.toString(), "--separator", String.valueOf(SEPARATOR),
                "--layout", "window", "--columns", COLUMNS, "--timestamp-column", TIMESTAMP, "--label-column", LABEL,
                "--train-rows", "0:" + trainRows, "--out", out.toString(), "--quiet"));
        args.addAll(trainArgs);
        return new CommandLine(new TrainCommand()).execute(args.toArray(String[]::new));
    }

    /**
     * The changepoint protocol's windows of one file, as row labels: each row marked in the {@code changepoint} column
     * opens a window of {@code width} rows to its right (SKAB's leaderboard: 60 rows = 60 s; overlapping windows merge).
     */
    public boolean[] changepointWindows(Path file, FrameSpec spec, int width) {
        boolean[] points = Dataset.ofTables(List.of(file), spec, SEPARATOR, TIMESTAMP, CHANGEPOINT).rowLabels();
        boolean[] windows = new boolean[points.length];
        for (int r = 0; r < points.length; r++) {
            if (points[r]) {
                java.util.Arrays.fill(windows, r, Math.min(points.length, r + width), true);
            }
        }
        return windows;
    }

    /** One experiment file framed as {@code spec} frames it, with its row labels. */
    public Dataset dataset(Path file, FrameSpec spec) {
        return Dataset.ofTables(List.of(file), spec, SEPARATOR, TIMESTAMP, LABEL);
    }
}
