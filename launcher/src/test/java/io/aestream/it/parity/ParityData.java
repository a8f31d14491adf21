package io.aestream.it.parity;

import io.aestream.trainer.data.WavAudio;
import io.aestream.trainer.data.WavIO;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Small synthetic inputs, seeded: sensor CSVs whose columns are phase-shifted sines of one slow cycle (a
 * two-dimensional manifold an undercomplete autoencoder learns in a few epochs) and WAV files of two tones; each
 * with an optional anomalous stretch that the trained models flag.
 */
public final class ParityData {
    /** Epoch ms of row 0; rows are one second apart. */
    public static final long FIRST_TS = 1_700_000_000_000L;
    private static final double PERIOD_ROWS = 40;
    private static final double ANOMALY_OFFSET = 4;

    private ParityData() {
    }

    /** A stretch of rows or samples, {@code from} inclusive, {@code to} exclusive; {@link #NONE} for clean data. */
    public record Stretch(int from, int to) {
        public static final Stretch NONE = new Stretch(0, 0);

        boolean contains(int i) {
            return i >= from && i < to;
        }
    }

    /**
     * Writes {@code ts,<columns>} rows with {@code ts} in epoch ms; in {@code anomaly} the second column (or the
     * only one) is shifted by {@value #ANOMALY_OFFSET}.
     */
    public static Path sensors(Path file, int rows, List<String> columns, long seed, Stretch anomaly) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("ts," + String.join(",", columns) + "\n");
            for (int i = 0; i < rows; i++) {
                StringBuilder line = new StringBuilder().append(FIRST_TS + 1000L * i);
                for (int c = 0; c < columns.size(); c++) {
                    double v = (1 + 0.3 * c) * Math.sin(2 * Math.PI * i / PERIOD_ROWS + 0.9 * c) + 0.05 * rnd.nextGaussian();
                    if (anomaly.contains(i) && c == Math.min(1, columns.size() - 1)) {
                        v += ANOMALY_OFFSET;
                    }
                    line.append(',').append(String.format(Locale.ROOT, "%.6f", v));
                }
                w.write(line.append('\n').toString());
            }
        }
        return file;
    }

    /** Writes PCM16 mono: 300 Hz and 800 Hz tones with a little hiss, and loud white noise in {@code burst}. */
    public static Path tones(Path file, int sampleRate, int samples, long seed, Stretch burst) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] s = new double[samples];
        for (int i = 0; i < samples; i++) {
            double t = (double) i / sampleRate;
            s[i] = 0.3 * Math.sin(2 * Math.PI * 300 * t) + 0.2 * Math.sin(2 * Math.PI * 800 * t) + 0.01 * rnd.nextGaussian();
            if (burst.contains(i)) {
                s[i] += 0.4 * rnd.nextGaussian();
            }
        }
        WavIO.write(file, new WavAudio(sampleRate, s));
        return file;
    }
}
