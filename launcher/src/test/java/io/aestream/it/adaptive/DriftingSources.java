package io.aestream.it.adaptive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic multi-source sensor rows for the backtest-versus-stream check: four channels a, b, c = a + b, d = a − b
 * with noise, every channel drifting slowly upwards, and in some sources a level shift of c by 8 (a fault) for a stretch.
 * Sources are interleaved row by row, as they would arrive on one topic. Values print as Java prints doubles, so the
 * CSV and the JSON records parse back to the same numbers.
 */
public final class DriftingSources {
    public static final List<String> COLUMNS = List.of("a", "b", "c", "d");
    /** The timestamp of row i of a source (epoch ms): one row a second. */
    public static final long T0 = 1_700_000_000_000L;

    private DriftingSources() {
    }

    /** One input row: its source, timestamp and channel values. */
    public record Row(String key, long ts, double[] values) { }

    /**
     * {@code sources} × {@code rows} interleaved rows; source k has its fault at rows {@code [faultAt, faultAt + 15)} when k
     * is odd, none otherwise.
     */
    public static List<Row> generate(long seed, int sources, int rows, int faultAt) {
        Random r = new Random(seed);
        List<Row> out = new ArrayList<>(sources * rows);
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < sources; k++) {
                boolean fault = k % 2 == 1 && i >= faultAt && i < faultAt + 15;
                out.add(new Row("sensor-" + k, T0 + 1000L * i, channels(r, i + 37 * k, 0.004 * i, fault ? 8 : 0)));
            }
        }
        return out;
    }

    private static double[] channels(Random r, int t, double drift, double fault) {
        double a = Math.sin(t / 7.0) + 0.05 * r.nextGaussian();
        double b = Math.cos(t / 7.0) + 0.05 * r.nextGaussian();
        return new double[] {a + drift, b + drift, a + b + 0.05 * r.nextGaussian() + drift + fault,
            a - b + 0.05 * r.nextGaussian() + drift};
    }

    /** Writes {@code rows} as CSV with columns {@code key,ts,a,b,c,d}. */
    public static Path write(Path file, List<Row> rows) throws IOException {
        StringBuilder csv = new StringBuilder("key,ts," + String.join(",", COLUMNS) + "\n");
        for (Row row : rows) {
            csv.append(row.key()).append(',').append(row.ts());
            for (double v : row.values()) {
                csv.append(',').append(v);
            }
            csv.append('\n');
        }
        return Files.writeString(file, csv);
    }

    /** The stream's JSON input record for {@code row}. */
    public static String json(Row row) {
        StringBuilder json = new StringBuilder("{\"ts\": ").append(row.ts()).append(", \"values\": [");
        for (int j = 0; j < row.values().length; j++) {
            json.append(j == 0 ? "" : ", ").append(row.values()[j]);
        }
        return json.append("]}").toString();
    }
}
