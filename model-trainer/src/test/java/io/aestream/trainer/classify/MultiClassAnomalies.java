package io.aestream.trainer.classify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Seeded multi-class anomaly data on one normal process: {@code features} sensors driven by four latent signals
 * through a fixed random mixing matrix, plus sensor noise. Normally two latents carry slow cycles and two stay near
 * zero; an anomaly segment (20–40 rows, about a third of all rows) moves those two along a direction that names its
 * shape: {@code offset} (the first up), {@code drift} (the second ramping up), {@code decoupling} (the first down, the
 * second up). Each shape is a direction in sensor space buried under noise in every sensor: few labels cannot tell
 * noise from signal in {@code features} dimensions, an encoder that has seen the unlabelled rows can.
 */
public final class MultiClassAnomalies {
    public static final List<String> CLASSES = List.of("decoupling", "drift", "offset");
    public static final String LABEL = "fault";

    /** @param labels per row, the anomaly shape or "" (normal) */
    public record Data(double[][] rows, String[] labels) {
        public List<String> columns() {
            List<String> c = new ArrayList<>();
            for (int j = 0; j < rows[0].length; j++) {
                c.add("s" + j);
            }
            return c;
        }

        public void writeCsv(Path file) throws IOException {
            StringBuilder sb = new StringBuilder(String.join(",", columns())).append(',').append(LABEL).append('\n');
            for (int r = 0; r < rows.length; r++) {
                for (double v : rows[r]) {
                    sb.append(String.format(Locale.ROOT, "%.5f", v)).append(',');
                }
                sb.append(labels[r]).append('\n');
            }
            Files.writeString(file, sb);
        }
    }

    private MultiClassAnomalies() {
    }

    public static Data generate(long seed, int rows, int features, double noise) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] mixing = new double[features][4];
        for (double[] m : mixing) {
            for (int k = 0; k < 4; k++) {
                m[k] = rng.nextGaussian() / 2;
            }
        }
        double[][] x = new double[rows][features];
        String[] labels = new String[rows];
        double phase = rng.nextDouble(2 * Math.PI);
        int r = 0;
        while (r < rows) {
            int normal = 40 + rng.nextInt(40);
            for (int i = 0; i < normal && r < rows; i++, r++) {
                row(x[r], mixing, latent(r, phase, 0, 0, rng), noise, rng);
                labels[r] = "";
            }
            String shape = CLASSES.get(rng.nextInt(CLASSES.size()));
            int length = 20 + rng.nextInt(21);
            double a = 1.5 + rng.nextDouble();
            for (int i = 0; i < length && r < rows; i++, r++) {
                double progress = (i + 1.0) / length;
                double[] u = switch (shape) {
                    case "offset" -> latent(r, phase, a, 0, rng);
                    case "drift" -> latent(r, phase, 0, a * (0.5 + 0.5 * progress), rng);
                    default -> latent(r, phase, -a / Math.sqrt(2), a / Math.sqrt(2), rng);
                };
                row(x[r], mixing, u, noise, rng);
                labels[r] = shape;
            }
        }
        return new Data(x, labels);
    }

    private static double[] latent(int t, double phase, double shift2, double shift3, SplittableRandom rng) {
        return new double[] {Math.sin(2 * Math.PI * t / 50 + phase) + 0.2 * rng.nextGaussian(),
                0.8 * Math.cos(2 * Math.PI * t / 170) + 0.2 * rng.nextGaussian(),
                shift2 + 0.1 * rng.nextGaussian(), shift3 + 0.1 * rng.nextGaussian()};
    }

    private static void row(double[] out, double[][] mixing, double[] u, double noise, SplittableRandom rng) {
        for (int j = 0; j < out.length; j++) {
            double v = 0;
            for (int k = 0; k < 4; k++) {
                v += mixing[j][k] * u[k];
            }
            out[j] = v + noise * rng.nextGaussian();
        }
    }
}
