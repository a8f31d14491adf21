package io.aestream.trainer.bench.telemetry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A seeded multichannel telemetry set in the shape of spacecraft channels: two value channels that follow binary
 * command columns with a first-order lag, plus a near-constant auxiliary reading. Commands: {@code cmd_freq}
 * switches every few hundred rows, {@code cmd_rare} pulses a handful of times, {@code cmd_new} is never issued in
 * training and is issued (without effect on the values) in the test split. The test split holds labelled
 * anomalies of four kinds — spikes, a value moving against its command, a stuck sensor (frozen while its command
 * changes), a slow drift — between normal command changes, which must not alert.
 *
 * <p>Columns: {@code ts, v1, v2, aux, cmd_freq, cmd_rare, cmd_new, label}.
 */
public final class TelemetryGenerator {
    /** Labelled anomaly kinds, each injected twice into the test split. */
    public enum Kind { SPIKE, AGAINST_COMMAND, STUCK, DRIFT }

    /** One injected anomaly: rows {@code [from, to)} of the test split. */
    public record Anomaly(Kind kind, int from, int to) {
    }

    /**
     * What was written: the files, the anomalies and the rows of the test split where a command changed normally —
     * with no anomalous row within {@link #CLEARANCE} rows on either side, so that a flag in the rows after such a
     * change is the change's own: a window of up to that many rows ending there holds no anomaly, and no anomaly
     * starts before the horizon in which the benchmark looks for the flag.
     */
    public record Written(Path train, Path test, List<Anomaly> anomalies, List<Integer> normalChanges) {
    }

    /** Rows kept free of anomalies on each side of a normal command change. */
    public static final int CLEARANCE = 30;
    private static final double NOISE = 0.05;

    private final SplittableRandom rng;
    private final int trainRows;
    private final int testRows;

    public TelemetryGenerator(long seed, int trainRows, int testRows) {
        this.rng = new SplittableRandom(seed);
        this.trainRows = trainRows;
        this.testRows = testRows;
    }

    public Written write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path train = dir.resolve("train.csv");
        Path test = dir.resolve("test.csv");
        Files.writeString(train, render(series(trainRows, false, new ArrayList<>(), new ArrayList<>())));
        List<Anomaly> anomalies = new ArrayList<>();
        List<Integer> changes = new ArrayList<>();
        Files.writeString(test, render(series(testRows, true, anomalies, changes)));
        return new Written(train, test, anomalies, changes);
    }

    /** rows × {v1, v2, aux, cmd_freq, cmd_rare, cmd_new, label}. */
    private double[][] series(int n, boolean test, List<Anomaly> anomalies, List<Integer> changes) {
        int[] freq = commands(n, 150, 400);
        int[] rare = pulses(n, test ? 3 : 4, 25);
        int[] fresh = test ? pulses(n, 2, 40) : new int[n];
        List<Anomaly> planned = test ? plan(n, freq) : List.of();
        anomalies.addAll(planned);
        double[][] x = new double[n][7];
        double v1 = 0;
        double v2 = 0;
        double stuck = Double.NaN;
        for (int t = 0; t < n; t++) {
            Anomaly a = active(planned, t);
            int f = a != null && a.kind() == Kind.AGAINST_COMMAND ? 1 - freq[t] : freq[t];
            double target1 = 2.0 * f + 1.0 * rare[t] + 0.3 * Math.sin(2 * Math.PI * t / 500);
            double target2 = -1.5 * f + 0.5 * Math.cos(2 * Math.PI * t / 300);
            v1 += 0.2 * (target1 - v1);
            v2 += 0.1 * (target2 - v2);
            double o1 = v1 + NOISE * rng.nextGaussian();
            if (a != null) {
                switch (a.kind()) {
                    case SPIKE -> o1 += 1.5;
                    case DRIFT -> o1 += 1.2 * (t - a.from()) / (double) (a.to() - a.from());
                    case STUCK -> {
                        stuck = Double.isNaN(stuck) ? o1 : stuck;
                        o1 = stuck;
                    }
                    case AGAINST_COMMAND -> { }
                }
            } else {
                stuck = Double.NaN;
            }
            x[t][0] = o1;
            x[t][1] = v2 + NOISE * rng.nextGaussian();
            x[t][2] = 1.0 + (test ? 1e-3 : 1e-7) * rng.nextGaussian();
            x[t][3] = freq[t];
            x[t][4] = rare[t];
            x[t][5] = fresh[t];
            x[t][6] = a != null ? 1 : 0;
            boolean changed = t > 0 && (freq[t] != freq[t - 1] || rare[t] != rare[t - 1] || fresh[t] != fresh[t - 1]);
            if (test && changed && clear(planned, t - CLEARANCE, t + CLEARANCE)) {
                changes.add(t);
            }
        }
        return x;
    }

    /**
     * Two anomalies of each kind, spread over the test split with room between them. A stuck sensor starts 20 rows
     * before the next switch of {@code cmd_freq} within its slot (if there is one): frozen through steady state it
     * would be indistinguishable from a quiet sensor.
     */
    private List<Anomaly> plan(int n, int[] freq) {
        List<Anomaly> out = new ArrayList<>();
        Kind[] order = {Kind.SPIKE, Kind.DRIFT, Kind.AGAINST_COMMAND, Kind.STUCK, Kind.SPIKE, Kind.STUCK, Kind.DRIFT,
                Kind.AGAINST_COMMAND};
        int slot = n / (order.length + 1);
        for (int k = 0; k < order.length; k++) {
            int from = slot * (k + 1);
            if (order[k] == Kind.STUCK) {
                int sw = from + 20;
                while (sw < from + slot - 150 && freq[sw] == freq[sw - 1]) {
                    sw++;
                }
                from = freq[sw] != freq[sw - 1] ? sw - 20 : from;
            }
            int length = switch (order[k]) {
                case SPIKE -> 3;
                case DRIFT -> 120;
                case AGAINST_COMMAND, STUCK -> 80;
            };
            out.add(new Anomaly(order[k], from, from + length));
        }
        return out;
    }

    private static Anomaly active(List<Anomaly> anomalies, int t) {
        for (Anomaly a : anomalies) {
            if (t >= a.from() && t < a.to()) {
                return a;
            }
        }
        return null;
    }

    /** Whether no anomaly overlaps rows {@code [from, to]}. */
    private static boolean clear(List<Anomaly> anomalies, int from, int to) {
        return anomalies.stream().noneMatch(a -> a.from() <= to && a.to() > from);
    }

    /** A command that holds each state for a random {@code [min, max)} rows. */
    private int[] commands(int n, int min, int max) {
        int[] c = new int[n];
        int state = 0;
        int left = min + rng.nextInt(max - min);
        for (int t = 0; t < n; t++) {
            if (left-- == 0) {
                state = 1 - state;
                left = min + rng.nextInt(max - min);
            }
            c[t] = state;
        }
        return c;
    }

    /** {@code count} pulses of {@code length} rows at random places. */
    private int[] pulses(int n, int count, int length) {
        int[] c = new int[n];
        for (int k = 0; k < count; k++) {
            int at = rng.nextInt(n - length);
            for (int t = at; t < at + length; t++) {
                c[t] = 1;
            }
        }
        return c;
    }

    private static String render(double[][] x) {
        StringBuilder b = new StringBuilder("ts,v1,v2,aux,cmd_freq,cmd_rare,cmd_new,label\n");
        for (int t = 0; t < x.length; t++) {
            b.append(String.format(Locale.ROOT, "%d,%.6f,%.6f,%.9f,%d,%d,%d,%d%n", t, x[t][0], x[t][1], x[t][2], (int) x[t][3],
                    (int) x[t][4], (int) x[t][5], (int) x[t][6]));
        }
        return b.toString();
    }
}
