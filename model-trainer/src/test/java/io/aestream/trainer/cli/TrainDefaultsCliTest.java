package io.aestream.trainer.cli;

import io.aestream.bundle.BundleIO;
import io.aestream.bundle.Manifest;
import io.aestream.trainer.eval.PcaBaseline;
import io.aestream.trainer.model.EncoderSizes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code train} with no model flag at all (kind, encoder, epochs… all defaults) on inputs of widths from 1 to 500
 * features, vector and window layouts: it succeeds, and the manifest records the sizes it chose and why.
 */
class TrainDefaultsCliTest {
    @TempDir
    Path dir;

    /** {@code columns} sensors driven by three latent signals plus noise, {@code rows} rows. */
    private Path sensors(int columns, int rows, long seed) throws IOException {
        Random rng = new Random(seed);
        double[][] mix = new double[columns][3];
        for (double[] m : mix) {
            for (int k = 0; k < 3; k++) {
                m[k] = rng.nextGaussian();
            }
        }
        StringBuilder b = new StringBuilder("ts," + String.join(",", names(columns)) + "\n");
        for (int t = 0; t < rows; t++) {
            double[] latent = {Math.sin(t / 5.0), Math.cos(t / 13.0), Math.sin(t / 29.0 + 1)};
            b.append(t);
            for (int c = 0; c < columns; c++) {
                double v = mix[c][0] * latent[0] + mix[c][1] * latent[1] + mix[c][2] * latent[2] + 0.01 * rng.nextGaussian();
                b.append(String.format(Locale.ROOT, ",%.5f", v));
            }
            b.append('\n');
        }
        Path f = dir.resolve("w" + columns + "-" + rows + ".csv");
        Files.writeString(f, b.toString());
        return f;
    }

    /** One sensor s0 repeating a 40-row cycle (with a harmonic) under noise. */
    private Path cycle(int rows, int period) throws IOException {
        Random rng = new Random(9);
        StringBuilder b = new StringBuilder("ts,s0\n");
        for (int t = 0; t < rows; t++) {
            double phase = 2 * Math.PI * t / period;
            b.append(String.format(Locale.ROOT, "%d,%.5f%n", t, Math.sin(phase) + 0.4 * Math.sin(2 * phase) + 0.2 * rng.nextGaussian()));
        }
        Path f = dir.resolve("cycle.csv");
        Files.writeString(f, b.toString());
        return f;
    }

    private static List<String> names(int columns) {
        return IntStream.range(0, columns).mapToObj(i -> "s" + i).toList();
    }

    private Manifest train(Path csv, List<String> columns, String... frameFlags) throws IOException {
        Path out = dir.resolve("model-" + csv.getFileName() + "-" + String.join("", frameFlags).hashCode());
        List<String> args = new ArrayList<>(List.of("train", "--input", csv.toString(), "--columns", String.join(",", columns),
                "--timestamp-column", "ts", "--out", out.toString(), "--quiet"));
        args.addAll(List.of(frameFlags));
        CliRunner r = CliRunner.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        return BundleIO.read(out).manifest();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 8, 50, 500})
    void shouldTrainWithDefaultsWhenLayoutIsVector(int width) throws IOException {
        Manifest m = train(sensors(width, 120, width), names(width), "--layout", "vector");

        assertThat(m.model().kind()).isEqualTo("denoising");
        assertThat(m.model().hyperParameters().get("encoderSizes")).isEqualTo(EncoderSizes.derived(width).sizes());
        assertThat(m.model().hyperParameters().get("encoderChoice")).asString().startsWith("derived from the input size");
        assertThat(PcaBaseline.read(dir.resolve("model-" + "w" + width + "-120.csv-" + "--layoutvector".hashCode()))
                .network().layers().get(0).outputs()).isEqualTo(EncoderSizes.derived(width).codeSize());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 8, 50, 500})
    void shouldTrainWithDefaultsWhenLayoutIsWindow(int width) throws IOException {
        Manifest m = train(sensors(1, 2 * width + 100, width), names(1), "--layout", "window", "--window", String.valueOf(width));

        assertThat(m.frameSpec().inputSize()).isEqualTo(width);
        assertThat(m.model().hyperParameters().get("encoderSizes")).isEqualTo(EncoderSizes.derived(width).sizes());
    }

    @Test
    void shouldChooseCodeAndWindowFromTheTrainingRowsWhenAskedForAuto() throws IOException {
        Path csv = sensors(12, 400, 5);

        Manifest vector = train(csv, names(12), "--layout", "vector", "--encoder", "auto");
        Path cycle = cycle(400, 40);
        Manifest window = train(cycle, List.of("s0"), "--layout", "window", "--window", "auto", "--train-rows", "0:300");

        // twelve sensors mixing three latent signals: three components hold the variance
        assertThat(vector.model().hyperParameters().get("encoderSizes")).isEqualTo(EncoderSizes.around(12, 3));
        assertThat(vector.model().hyperParameters().get("encoderChoice")).asString().contains("3 of 12 components");
        assertThat(window.frameSpec().inputSize()).isEqualTo(40);
        assertThat(window.model().hyperParameters().get("windowChoice")).asString().contains("dominant period");
        assertThat(Files.readString(dir.resolve(dir.resolve("model-" + cycle.getFileName() + "-"
                + String.join("", List.of("--layout", "window", "--window", "auto", "--train-rows", "0:300")).hashCode())
                + "-report").resolve("report.md"))).contains("dominant period", "derived from the input size");
    }
}
