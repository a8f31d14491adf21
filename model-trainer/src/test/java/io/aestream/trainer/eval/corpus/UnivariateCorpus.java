package io.aestream.trainer.eval.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A seeded corpus of univariate streaming series for developing the detection chain: hourly-like rows with a daily
 * cycle (24 rows), a weekly one (168 rows), a trend, noise and unlabelled concept drift (the daily amplitude and the
 * level wander slowly), and labelled anomalies of one {@link Kind} per series. The first {@link #TRAIN_SHARE} of
 * each series is anomaly-free (what a model is trained on). Each anomaly's label window starts at its onset and
 * spans its duration, at least {@link #MIN_WINDOW} rows: persistent changes (level shift, trend change, changed
 * period, gradual drift) are labelled only while they are new, and the rows after that count as the new normal,
 * as in NAB's labelling.
 */
public final class UnivariateCorpus {
    public static final double TRAIN_SHARE = 0.25;
    static final int MIN_WINDOW = 48;
    static final int DAY = 24;
    static final int WEEK = 168;

    /** Anomaly kinds. */
    public enum Kind { SPIKE, DIP, LEVEL_SHIFT, TREND_CHANGE, VARIANCE_CHANGE, PERIOD_CHANGE, FLATLINE, GRADUAL_DRIFT }

    /** One series: values, per-row labels, the rows a model may train on, and its anomaly kind. */
    public record Series(String name, Kind kind, double[] values, boolean[] labels, int trainRows) {

        /** As CSV {@code ts,value,label}; doubles as Java prints them, so they parse back exactly. */
        public Path writeCsv(Path file) throws IOException {
            StringBuilder b = new StringBuilder("ts,value,label\n");
            for (int t = 0; t < values.length; t++) {
                b.append(t).append(',').append(values[t]).append(',').append(labels[t] ? 1 : 0).append('\n');
            }
            return Files.writeString(file, b.toString());
        }
    }

    private UnivariateCorpus() {
    }

    /** One series per kind for each seed, {@code length} rows each. */
    public static List<Series> generate(List<Long> seeds, int length) {
        List<Series> out = new ArrayList<>();
        for (long seed : seeds) {
            for (Kind k : Kind.values()) {
                out.add(series(k, seed, length));
            }
        }
        return out;
    }

    public static Series series(Kind kind, long seed, int length) {
        Random r = new Random(seed * 31 + kind.ordinal());
        double level = 10 + 5 * r.nextDouble();
        double daily = 1 + 2 * r.nextDouble();
        double weekly = 0.3 + r.nextDouble();
        double trend = (r.nextDouble() - 0.5) * 2e-4 * level;
        double noise = 0.1 + 0.2 * r.nextDouble();
        double[] v = new double[length];
        boolean[] labels = new boolean[length];
        int train = (int) (TRAIN_SHARE * length);
        int[] onsets = onsets(kind, train, length, r);
        double wander = 0;
        double amplitudeDrift = 0;
        for (int t = 0; t < length; t++) {
            wander += 0.002 * level * r.nextGaussian() * 0.1;
            amplitudeDrift = 0.3 * Math.sin(2 * Math.PI * t / (3.7 * length));
            v[t] = level + wander + trend * t + (daily * (1 + amplitudeDrift)) * Math.sin(2 * Math.PI * t / DAY)
                    + weekly * Math.sin(2 * Math.PI * t / WEEK + 1) + noise * r.nextGaussian();
        }
        for (int onset : onsets) {
            int duration = inject(kind, v, onset, daily, noise, level, r);
            for (int t = onset; t < Math.min(length, onset + Math.max(duration, MIN_WINDOW)); t++) {
                labels[t] = true;
            }
        }
        return new Series(kind.name().toLowerCase(Locale.ROOT) + "-" + seed, kind, v, labels, train);
    }

    /** Transient kinds occur three times, persistent ones twice, spread over the part after training. */
    private static int[] onsets(Kind kind, int train, int length, Random r) {
        boolean persistent = kind == Kind.LEVEL_SHIFT || kind == Kind.TREND_CHANGE || kind == Kind.PERIOD_CHANGE
                || kind == Kind.GRADUAL_DRIFT;
        int n = persistent ? 2 : 3;
        int span = (length - train) / n;
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = train + i * span + span / 4 + r.nextInt(Math.max(1, span / 4));
        }
        return out;
    }

    /** Changes {@code v} from {@code onset} on; returns the rows the anomaly itself lasts. */
    private static int inject(Kind kind, double[] v, int onset, double daily, double noise, double level, Random r) {
        int n = v.length;
        switch (kind) {
            case SPIKE -> v[onset] += (3 + 3 * r.nextDouble()) * daily;
            case DIP -> {
                for (int t = onset; t < Math.min(n, onset + 3); t++) {
                    v[t] -= (2 + 2 * r.nextDouble()) * daily;
                }
            }
            case LEVEL_SHIFT -> shiftFrom(v, onset, (r.nextBoolean() ? 1 : -1) * (1.5 + r.nextDouble()) * daily, 0);
            case TREND_CHANGE -> shiftFrom(v, onset, 0, (r.nextBoolean() ? 1 : -1) * 0.02 * daily);
            case VARIANCE_CHANGE -> {
                for (int t = onset; t < Math.min(n, onset + 96); t++) {
                    v[t] += 4 * noise * r.nextGaussian();
                }
                return 96;
            }
            case PERIOD_CHANGE -> {
                for (int t = onset; t < n; t++) {
                    // the daily cycle runs 50 % faster from here on
                    v[t] += daily * (Math.sin(2 * Math.PI * (t - onset) * 1.5 / DAY) - Math.sin(2 * Math.PI * t / DAY));
                }
                return MIN_WINDOW;
            }
            case FLATLINE -> {
                for (int t = onset + 1; t < Math.min(n, onset + 36); t++) {
                    v[t] = v[onset];
                }
                return 36;
            }
            case GRADUAL_DRIFT -> {
                int ramp = 120;
                double total = (r.nextBoolean() ? 1 : -1) * 2 * daily;
                for (int t = onset; t < n; t++) {
                    v[t] += total * Math.min(1, (t - onset) / (double) ramp);
                }
                return ramp;
            }
        }
        return 1;
    }

    private static void shiftFrom(double[] v, int onset, double offset, double slope) {
        for (int t = onset; t < v.length; t++) {
            v[t] += offset + slope * (t - onset);
        }
    }
}
