package io.aestream.launcher.demo.data;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A multi-sensor series: one timestamp (epoch ms) and one value per sensor per row, plus the 0/1 label of each row.
 */
public record SensorSeries(List<String> sensors, long[] timestamps, double[][] values, boolean[] labels,
                           List<InjectedAnomaly> anomalies) {
    public static final String TIMESTAMP_COLUMN = "timestamp";
    public static final String LABEL_COLUMN = "anomaly";

    public SensorSeries {
        sensors = List.copyOf(sensors);
        anomalies = List.copyOf(anomalies);
        if (timestamps.length != values.length || labels.length != values.length) {
            throw new IllegalArgumentException("series: " + timestamps.length + " timestamps, " + values.length
                    + " rows and " + labels.length + " labels must agree");
        }
    }

    public int rows() {
        return values.length;
    }

    /** Writes {@code timestamp,<sensors...>,anomaly} with one row per line. */
    public void writeCsv(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(TIMESTAMP_COLUMN + "," + String.join(",", sensors) + "," + LABEL_COLUMN + "\n");
            StringBuilder line = new StringBuilder();
            for (int r = 0; r < rows(); r++) {
                line.setLength(0);
                line.append(timestamps[r]);
                for (double v : values[r]) {
                    line.append(',').append(String.format(Locale.ROOT, "%.5f", v));
                }
                line.append(',').append(labels[r] ? 1 : 0).append('\n');
                w.write(line.toString());
            }
        }
    }
}
