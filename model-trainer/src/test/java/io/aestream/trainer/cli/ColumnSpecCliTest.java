package io.aestream.trainer.cli;

import io.aestream.bundle.BundleIO;
import io.aestream.bundle.Manifest;
import io.aestream.frame.VectorFrameSpec;
import io.aestream.scoring.ColumnSpec;
import io.aestream.scoring.Distribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** train with the default column handling: constant columns left out, binary columns Bernoulli, floors, monitored columns. */
class ColumnSpecCliTest {
    @TempDir
    Path dir;

    private static final String[] MODEL = {"--kind", "undercomplete", "--encoder", "6,2", "--epochs", "10", "--batch-size", "32",
            "--learning-rate", "0.01", "--quiet", "--seed", "3"};

    /**
     * ts, value (follows its command), cmd (0/1, switches now and then), flat (5 ± 1e-9 in training; from row
     * {@code flatFrom} on, ordinary values 5 ± 0.05), fixed (always 3), label.
     */
    private Path csv(String name, int rows, int flatFrom, long seed) throws IOException {
        SplittableRandom rng = new SplittableRandom(seed);
        StringBuilder b = new StringBuilder("ts,value,cmd,flat,fixed,label\n");
        int cmd = 0;
        for (int i = 0; i < rows; i++) {
            if (i % 40 == 0 && rng.nextDouble() < 0.5) {
                cmd = 1 - cmd;
            }
            double value = 2 * cmd + 0.05 * rng.nextGaussian();
            double flat = 5 + (i >= flatFrom ? 0.05 * rng.nextGaussian() : 1e-9 * rng.nextGaussian());
            b.append(String.format(Locale.ROOT, "%d,%.6f,%d,%.12f,3,0%n", i, value, cmd, flat));
        }
        Path f = dir.resolve(name);
        Files.writeString(f, b.toString());
        return f;
    }

    private Path train(Path csv, String name, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("train", "--input", csv.toString(), "--timestamp-column", "ts",
                "--label-column", "label", "--out", dir.resolve(name).toString()));
        args.addAll(List.of(MODEL));
        args.addAll(List.of(extra));
        CliRunner r = CliRunner.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        return dir.resolve(name);
    }

    private double maxScore(Path bundle, Path input) throws IOException {
        Path out = dir.resolve(bundle.getFileName() + "-scores.csv");
        CliRunner r = CliRunner.run("score", "--model", bundle.toString(), "--input", input.toString(), "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        return Files.readAllLines(out).stream().skip(1).mapToDouble(l -> Double.parseDouble(l.split(",")[2])).max().orElseThrow();
    }

    @Test
    void shouldWriteTheColumnSpecWhenTrainingWithDefaultColumns() throws IOException {
        // When training with no --columns and value as the only monitored column
        Path bundle = train(csv("train.csv", 800, Integer.MAX_VALUE, 1), "model", "--score-columns", "value");

        // Then every numeric column but ts and label was read, fixed left out, cmd typed Bernoulli, flat floored
        Manifest m = BundleIO.read(bundle).manifest();
        assertThat(m.frameSpec()).isEqualTo(new VectorFrameSpec(List.of("value", "cmd", "flat")));
        assertThat(m.columns().constant()).containsOnlyKeys("fixed");
        List<ColumnSpec> cols = m.columns().columns();
        assertThat(cols.get(1).type()).isEqualTo(Distribution.BERNOULLI);
        assertThat(cols.get(2).scaling().floored()).isTrue();
        assertThat(m.columns().monitoredNames()).containsExactly("value");
        assertThat(Files.readString(dir.resolve("model-report/report.md"))).contains("constant on the training rows: {fixed=3.0}", "cmd: bernoulli, context");
        assertThat(m.threshold().parameters()).containsKey("noise_floor");
    }

    @Test
    void shouldKeepTheScoreBoundedWhenANearConstantColumnTakesOrdinaryValuesLater() throws IOException {
        // Given training rows in which flat barely moves (std 1e-9), and later rows where it moves by ±1 %
        Path training = csv("train.csv", 800, Integer.MAX_VALUE, 1);
        Path later = csv("later.csv", 400, 0, 2);

        // When scored by a bundle with the default floor, and by one without any floor (the old behaviour)
        double floored = maxScore(train(training, "floored"), later);
        double unfloored = maxScore(train(training, "unfloored", "--scale-floor", "0:0"), later);

        // Then with the floor the worst row is a few normalized units off on one of three columns (a 4σ move of
        // flat costs 16 / 3), where without it the score explodes
        assertThat(floored).isLessThan(10);
        assertThat(unfloored).isGreaterThan(1e6);
    }
}
