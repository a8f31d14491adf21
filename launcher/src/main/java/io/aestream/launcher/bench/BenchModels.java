package io.aestream.launcher.bench;

import io.aestream.trainer.cli.TrainCommand;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Trains the bench's models with the trainer's own {@code train} command on {@link SensorRows}: an undercomplete
 * 64-32-16-32-64 tanh autoencoder per layout (vector: 64 columns; window: 8 columns × 8 rows), the network size
 * the measurements used.
 */
final class BenchModels {
    static final long SEED = 7;

    private BenchModels() {
    }

    /** The bundle directory for {@code layout}, trained on {@code rows} rows for {@code epochs} epochs. */
    static Path train(BenchPlan.Layout layout, Path dir, int rows, int epochs) throws IOException {
        Files.createDirectories(dir);
        Path csv = dir.resolve(layout.name().toLowerCase(java.util.Locale.ROOT) + ".csv");
        new SensorRows(layout.columns, SEED).writeCsv(csv, rows);
        Path out = dir.resolve(layout.name().toLowerCase(java.util.Locale.ROOT) + "-model");
        List<String> args = new ArrayList<>(List.of("--input", csv.toString(), "--layout", layout == BenchPlan.Layout.VECTOR ? "vector" : "window",
                "--columns", IntStream.range(0, layout.columns).mapToObj(SensorRows::columnName).collect(Collectors.joining(",")),
                "--kind", "undercomplete", "--encoder", "32,16", "--activation", "tanh", "--epochs", Integer.toString(epochs),
                "--batch-size", "128", "--learning-rate", "0.005", "--seed", Long.toString(SEED), "--quiet",
                "--out", out.toString(), "--report", dir.resolve(out.getFileName() + "-report").toString()));
        if (layout == BenchPlan.Layout.WINDOW) {
            args.addAll(List.of("--window", Integer.toString(layout.window), "--hop", "1"));
        }
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new TrainCommand()).setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(err))
                .execute(args.toArray(String[]::new));
        if (exit != 0) {
            throw new IllegalStateException("training the " + layout + " bench model failed (exit " + exit + "): " + err.toString().strip());
        }
        return out;
    }
}
