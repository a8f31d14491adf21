package io.aestream.launcher.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Synthetic sensor rows the bench trains on and streams: {@code columns} correlated channels driven by four latent
 * factors plus 10 % noise, so an undercomplete autoencoder reconstructs them well and its calibrated threshold
 * flags few frames, as on a healthy plant. Seeded: the same rows every run.
 */
final class SensorRows {
    private static final int FACTORS = 4;
    private static final long PLANT_SEED = 20_240_601L;
    private final int columns;
    private final double[][] loadings;
    private final SplittableRandom rng;

    /** {@code seed} draws the rows; the plant (how factors load on columns) is the same for every seed. */
    SensorRows(int columns, long seed) {
        this.columns = columns;
        this.rng = new SplittableRandom(seed);
        this.loadings = new double[columns][FACTORS];
        SplittableRandom plant = new SplittableRandom(PLANT_SEED);
        for (double[] row : loadings) {
            for (int k = 0; k < FACTORS; k++) {
                row[k] = plant.nextGaussian();
            }
        }
    }

    double[] next() {
        double[] z = new double[FACTORS];
        for (int k = 0; k < FACTORS; k++) {
            z[k] = rng.nextGaussian();
        }
        double[] row = new double[columns];
        for (int c = 0; c < columns; c++) {
            double v = 0.1 * rng.nextGaussian();
            for (int k = 0; k < FACTORS; k++) {
                v += loadings[c][k] * z[k];
            }
            row[c] = v;
        }
        return row;
    }

    static String columnName(int c) {
        return "f" + c;
    }

    /** {@code {"ts": ts, "values": [...]}} with four decimals, the size of a typical sensor payload. */
    static byte[] json(long ts, double[] row) {
        StringBuilder sb = new StringBuilder(16 + 9 * row.length).append("{\"ts\":").append(ts).append(",\"values\":[");
        for (int c = 0; c < row.length; c++) {
            sb.append(c == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.4f", row[c]));
        }
        return sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A training CSV of {@code rows} rows with columns f0..f(n-1). */
    void writeCsv(Path file, int rows) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder header = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                header.append(c == 0 ? "" : ",").append(columnName(c));
            }
            w.write(header.append('\n').toString());
            for (int r = 0; r < rows; r++) {
                double[] row = next();
                StringBuilder line = new StringBuilder();
                for (int c = 0; c < columns; c++) {
                    line.append(c == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.4f", row[c]));
                }
                w.write(line.append('\n').toString());
            }
        }
    }
}
