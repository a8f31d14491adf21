package io.aestream.trainer.data;

import io.aestream.scoring.ColumnSpec;
import io.aestream.scoring.Distribution;
import io.aestream.scoring.InputColumns;
import io.aestream.scoring.Normalizer;
import io.aestream.trainer.calibrate.Calibrator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Training rows of a table → its column spec and normalizer, under a {@link ColumnPlan}. Each column's scale is
 * its spread on the training rows held to a floor of {@code max(relativeFloor × median |x|, absoluteFloor)}: a column
 * that barely moved in training would otherwise turn ordinary values later into normalized values in the
 * thousands and swamp the score. Bernoulli columns are left unscaled (the likelihood needs 0/1 values). Per-frame
 * scaling z-normalizes each window per column with the window's own statistics; its floor is also at least
 * {@value #PER_FRAME_FLOOR} of the column's training std, so a flat window keeps its level of noise.
 */
public final class ColumnFitter {
    /** Share of a column's training std below which a window's own std is not trusted (per-frame scaling). */
    static final double PER_FRAME_FLOOR = 0.1;

    private ColumnFitter() {
    }

    /** The model input: its column spec and the normalizer that maps raw frames to the network's scale. */
    public record Fitted(InputColumns columns, Normalizer normalizer) {
    }

    /**
     * Columns whose every training value is the same (up to rounding): name → that value. They carry nothing a
     * model could learn, and any later change would be scored against a spread of zero.
     */
    public static Map<String, Double> constantColumns(double[][] rows, List<String> names) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int j = 0; j < names.size(); j++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double[] r : rows) {
                min = Math.min(min, r[j]);
                max = Math.max(max, r[j]);
            }
            if (rows.length > 0 && max - min <= 1e-12 * Math.max(1, Math.abs(max))) {
                out.put(names.get(j), min);
            }
        }
        return out;
    }

    /**
     * @param rows     raw training rows, one value per column of {@code names}
     * @param model    the model's output distribution: a non-Gaussian model fixes every column's type
     * @param tile     how many times a frame repeats the columns (the window length; 1 for vectors)
     * @param constant the constant columns already left out, recorded in the spec
     */
    public static Fitted fit(double[][] rows, List<String> names, ColumnPlan plan, Distribution model, int tile,
                             Map<String, Double> constant) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("normalizer: no training rows to fit on");
        }
        requireKnown("column-types", plan.typeOverrides().keySet(), names, constant);
        if (plan.scoreColumns() != null) {
            requireKnown("score-columns", plan.scoreColumns(), names, constant);
        }
        int d = names.size();
        double[] center = new double[d];
        double[] scale = new double[d];
        List<ColumnSpec> specs = new ArrayList<>(d);
        for (int j = 0; j < d; j++) {
            double[] v = column(rows, j);
            Distribution type = type(names.get(j), v, plan, model);
            ColumnSpec.Scaling scaling = type == Distribution.GAUSSIAN ? scaling(v, plan) : ColumnSpec.Scaling.NONE;
            center[j] = type == Distribution.GAUSSIAN ? center(v, plan.scaling()) : 0;
            scale[j] = scaling.scale();
            boolean monitored = plan.scoreColumns() == null || plan.scoreColumns().contains(names.get(j));
            specs.add(new ColumnSpec(names.get(j), type, monitored, scaling));
        }
        return new Fitted(new InputColumns(specs, constant), normalizer(plan.scaling(), center, scale, specs, tile));
    }

    private static Distribution type(String name, double[] v, ColumnPlan plan, Distribution model) {
        if (model != Distribution.GAUSSIAN) {
            return model;
        }
        Distribution forced = plan.typeOverrides().get(name);
        if (forced != null) {
            if (forced == Distribution.BERNOULLI && !binary(v)) {
                throw new IllegalArgumentException("column-types: " + name + "=bernoulli needs 0/1 values, but the training rows"
                        + " hold other values");
            }
            return forced;
        }
        return plan.autoTypes() && binary(v) ? Distribution.BERNOULLI : Distribution.GAUSSIAN;
    }

    private static boolean binary(double[] v) {
        return Arrays.stream(v).allMatch(x -> x == 0 || x == 1);
    }

    private static ColumnSpec.Scaling scaling(double[] v, ColumnPlan plan) {
        String method = plan.scaling().name().toLowerCase(Locale.ROOT).replace('_', '-');
        if (plan.scaling() == NormalizerKind.NONE) {
            return ColumnSpec.Scaling.NONE;
        }
        // the median magnitude, so that rare excursions of a heavy-tailed column do not raise its floor
        double magnitude = Calibrator.quantile(Arrays.stream(v).map(Math::abs).toArray(), 0.5);
        double floor = Math.max(plan.relativeFloor() * magnitude, plan.absoluteFloor());
        double spread = switch (plan.scaling()) {
            case STANDARDIZE -> std(v);
            case PER_FRAME -> {
                floor = Math.max(floor, PER_FRAME_FLOOR * std(v));
                yield std(v);
            }
            // a column at one value most of the time (IQR 0) still has its excursions' spread
            case ROBUST -> {
                double iqr = (Calibrator.quantile(v, 0.75) - Calibrator.quantile(v, 0.25)) / 1.349;
                yield iqr > 0 ? iqr : std(v);
            }
            case MINMAX -> Arrays.stream(v).max().orElse(0) - Arrays.stream(v).min().orElse(0);
            case NONE -> 0;
        };
        return new ColumnSpec.Scaling(method, spread, floor);
    }

    private static double center(double[] v, NormalizerKind kind) {
        return switch (kind) {
            case STANDARDIZE -> Arrays.stream(v).average().orElse(0);
            case ROBUST -> Calibrator.quantile(v, 0.5);
            case MINMAX -> Arrays.stream(v).min().orElse(0);
            case NONE, PER_FRAME -> 0;
        };
    }

    private static Normalizer normalizer(NormalizerKind kind, double[] center, double[] scale, List<ColumnSpec> specs, int tile) {
        return switch (kind) {
            case PER_FRAME -> {
                if (tile < 2) {
                    throw new IllegalArgumentException("normalizer: per-frame scaling needs the window layout (windows of >= 2 rows)");
                }
                double[] floor = specs.stream().mapToDouble(c -> c.scaling().scale()).toArray();
                boolean[] pass = new boolean[specs.size()];
                for (int j = 0; j < pass.length; j++) {
                    pass[j] = specs.get(j).type() != Distribution.GAUSSIAN;
                    floor[j] = pass[j] ? 0 : specs.get(j).scaling().floor();
                }
                yield new Normalizer.PerFrame(tile, floor, pass);
            }
            case STANDARDIZE, ROBUST -> new Normalizer.Standardize(tileOut(center, tile), tileOut(scale, tile));
            case MINMAX -> {
                double[] max = new double[center.length];
                for (int j = 0; j < max.length; j++) {
                    max[j] = center[j] + scale[j];
                }
                yield new Normalizer.MinMax(tileOut(center, tile), tileOut(max, tile));
            }
            case NONE -> new Normalizer.Identity(center.length * tile);
        };
    }

    private static void requireKnown(String option, java.util.Collection<String> asked, List<String> names, Map<String, Double> constant) {
        for (String a : asked) {
            if (constant.containsKey(a)) {
                throw new IllegalArgumentException(option + ": column " + a + " is constant on the training rows and was left out"
                        + " of the model input (keep it with --keep-constant-columns)");
            }
            if (!names.contains(a)) {
                throw new IllegalArgumentException(option + ": unknown column '" + a + "', the model input columns are " + names);
            }
        }
    }

    static double[] column(double[][] rows, int j) {
        double[] v = new double[rows.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = rows[i][j];
        }
        return v;
    }

    private static double std(double[] v) {
        double mean = Arrays.stream(v).average().orElse(0);
        return Math.sqrt(Arrays.stream(v).map(x -> (x - mean) * (x - mean)).average().orElse(0));
    }

    static double[] tileOut(double[] v, int tile) {
        double[] out = new double[v.length * tile];
        for (int t = 0; t < tile; t++) {
            System.arraycopy(v, 0, out, t * v.length, v.length);
        }
        return out;
    }
}
