package io.aestream.launcher.demo.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Six plant sensors driven by one shared load (a daily-like cycle plus a slow random walk), each with its own
 * gain, phase and noise, so a model can learn how they move together. Faults are injected only into the
 * evaluation part, one per equal slot, cycling through every {@link AnomalyKind}. Deterministic for a seed.
 */
public final class SensorSeriesGenerator {
    /** Rows per load cycle: long next to a window, short next to the series, so training sees several cycles. */
    static final int CYCLE_ROWS = 720;

    private record Sensor(String name, double base, double loadGain, double cycleAmp, double phase, double noise) {
    }

    private static final List<Sensor> SENSORS = List.of(
            new Sensor("inlet_temp", 20.0, 3.0, 1.5, 0.0, 0.10),
            new Sensor("outlet_temp", 35.0, 6.0, 1.0, 0.6, 0.15),
            new Sensor("pressure", 4.0, 0.8, 0.2, 1.2, 0.03),
            new Sensor("flow", 120.0, 25.0, 4.0, 2.0, 1.0),
            new Sensor("motor_current", 8.0, 2.5, 0.3, 0.3, 0.08),
            new Sensor("vibration", 1.2, 0.4, 0.05, 2.8, 0.03));

    /** The two parts of one continuous series. */
    public record Split(SensorSeries training, SensorSeries evaluation) {
    }

    private final long seed;

    public SensorSeriesGenerator(long seed) {
        this.seed = seed;
    }

    public static List<String> sensorNames() {
        return SENSORS.stream().map(Sensor::name).toList();
    }

    /**
     * @param trainingRows   fault-free rows to train on
     * @param evaluationRows the rows that follow, carrying {@code anomalies} faults
     * @param startTs        timestamp of the first row (epoch ms); rows are {@code stepMs} apart
     */
    public Split generate(int trainingRows, int evaluationRows, int anomalies, long startTs, long stepMs) {
        if (trainingRows < 1 || evaluationRows < 1) {
            throw new IllegalArgumentException("rows: training and evaluation parts need >= 1 row each, got "
                    + trainingRows + " and " + evaluationRows);
        }
        if (anomalies < 0 || anomalies * 200 > evaluationRows) {
            throw new IllegalArgumentException("anomalies: must be in [0, evaluationRows/200=" + evaluationRows / 200
                    + "], got " + anomalies);
        }
        int total = trainingRows + evaluationRows;
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] values = cleanValues(total, rng);
        double[] spread = columnStd(values, trainingRows);
        double[][] evaluation = Arrays.copyOfRange(values, trainingRows, total);
        long evalStart = startTs + trainingRows * stepMs;
        List<InjectedAnomaly> injected = inject(evaluation, spread, anomalies, rng, evalStart, stepMs);
        return new Split(
                series(Arrays.copyOfRange(values, 0, trainingRows), startTs, stepMs, List.of()),
                series(evaluation, evalStart, stepMs, injected));
    }

    private static double[][] cleanValues(int rows, SplittableRandom rng) {
        double[][] v = new double[rows][SENSORS.size()];
        double walk = 0;
        for (int t = 0; t < rows; t++) {
            walk = 0.995 * walk + 0.02 * gaussian(rng);
            double angle = 2 * Math.PI * t / CYCLE_ROWS;
            double load = 0.6 * Math.sin(angle) + walk;
            for (int s = 0; s < SENSORS.size(); s++) {
                Sensor c = SENSORS.get(s);
                v[t][s] = c.base + c.loadGain * load + c.cycleAmp * Math.sin(angle + c.phase) + c.noise * gaussian(rng);
            }
        }
        return v;
    }

    private static List<InjectedAnomaly> inject(double[][] rows, double[] spread, int count, SplittableRandom rng,
                                                long startTs, long stepMs) {
        List<InjectedAnomaly> out = new ArrayList<>();
        AnomalyKind[] kinds = AnomalyKind.values();
        int slot = count == 0 ? 0 : rows.length / count;
        for (int i = 0; i < count; i++) {
            AnomalyKind kind = kinds[i % kinds.length];
            int length = switch (kind) {
                case SPIKE -> 1 + rng.nextInt(3);
                case LEVEL_SHIFT -> 40 + rng.nextInt(41);
                case DRIFT, STUCK -> 80 + rng.nextInt(51);
            };
            // a quiet margin at each slot's start keeps faults apart and lets the window fill first
            int first = i * slot + 50 + rng.nextInt(Math.max(1, slot - length - 100));
            int last = first + length - 1;
            int s = rng.nextInt(SENSORS.size());
            apply(kind, rows, s, first, last, spread[s], rng);
            out.add(new InjectedAnomaly(kind, SENSORS.get(s).name, first, last, startTs + first * stepMs, startTs + last * stepMs));
        }
        return out;
    }

    private static void apply(AnomalyKind kind, double[][] rows, int s, int first, int last, double spread, SplittableRandom rng) {
        double sign = rng.nextBoolean() ? 1 : -1;
        for (int t = first; t <= last; t++) {
            double progress = (t - first + 1.0) / (last - first + 1.0);
            rows[t][s] = switch (kind) {
                case SPIKE -> rows[t][s] + sign * 4.0 * spread;
                case LEVEL_SHIFT -> rows[t][s] + sign * 1.5 * spread;
                case DRIFT -> rows[t][s] + sign * 2.5 * spread * progress;
                case STUCK -> rows[first - 1][s];
            };
        }
    }

    private static double[] columnStd(double[][] v, int rows) {
        double[] std = new double[SENSORS.size()];
        for (int s = 0; s < std.length; s++) {
            double sum = 0;
            double sq = 0;
            for (int t = 0; t < rows; t++) {
                sum += v[t][s];
                sq += v[t][s] * v[t][s];
            }
            double mean = sum / rows;
            std[s] = Math.sqrt(Math.max(sq / rows - mean * mean, 1e-12));
        }
        return std;
    }

    private static SensorSeries series(double[][] values, long startTs, long stepMs, List<InjectedAnomaly> anomalies) {
        long[] ts = new long[values.length];
        boolean[] labels = new boolean[values.length];
        for (int t = 0; t < values.length; t++) {
            ts[t] = startTs + t * stepMs;
        }
        for (InjectedAnomaly a : anomalies) {
            Arrays.fill(labels, a.firstRow(), a.lastRow() + 1, true);
        }
        return new SensorSeries(sensorNames(), ts, values, labels, anomalies);
    }

    static double gaussian(SplittableRandom rng) {
        // Box-Muller by hand: RandomGenerator.nextGaussian's algorithm is an implementation detail of the JDK, and the
        // example data (and so the demo's trained models and summary) must be the same on every JDK
        double u = 1.0 - rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
}
