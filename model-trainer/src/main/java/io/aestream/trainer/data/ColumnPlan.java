package io.aestream.trainer.data;

import io.aestream.scoring.Distribution;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code train} decides per input column, as the user asked for it: the scaling, the floor of each column's
 * scale, the column types ({@code auto} detects binary 0/1 columns, overridable per column), which columns are
 * monitored (the rest are context) and whether columns constant in training are left out.
 *
 * @param scaling          standardize, robust (median / IQR), minmax or none
 * @param relativeFloor    a column's scale is at least this share of its median absolute value on the training rows …
 * @param absoluteFloor    … and at least this much, in the column's own units
 * @param autoTypes        whether binary 0/1 columns become Bernoulli (otherwise every column is Gaussian)
 * @param typeOverrides    column → type, winning over detection
 * @param scoreColumns     the monitored columns; null means every column
 * @param dropConstant     whether columns constant on the training rows are left out of the model input
 */
public record ColumnPlan(NormalizerKind scaling, double relativeFloor, double absoluteFloor, boolean autoTypes,
                         Map<String, Distribution> typeOverrides, List<String> scoreColumns, boolean dropConstant) {

    /** {@code --scale-floor}'s default: 1 % of the column's median absolute value, and 10⁻⁶ absolute. */
    public static final double DEFAULT_RELATIVE_FLOOR = 0.01;
    public static final double DEFAULT_ABSOLUTE_FLOOR = 1e-6;

    public ColumnPlan {
        if (scaling == null) {
            throw new IllegalArgumentException("normalizer: required");
        }
        if (!(relativeFloor >= 0) || !(absoluteFloor >= 0) || !Double.isFinite(relativeFloor) || !Double.isFinite(absoluteFloor)) {
            throw new IllegalArgumentException("scale-floor: relative and absolute floors must be finite and >= 0, got "
                    + relativeFloor + ":" + absoluteFloor);
        }
        typeOverrides = typeOverrides == null ? Map.of() : Map.copyOf(typeOverrides);
        for (Map.Entry<String, Distribution> e : typeOverrides.entrySet()) {
            if (e.getValue() != Distribution.GAUSSIAN && e.getValue() != Distribution.BERNOULLI) {
                throw new IllegalArgumentException("column-types: " + e.getKey() + " must be gaussian or bernoulli, got "
                        + e.getValue().name().toLowerCase(Locale.ROOT));
            }
        }
        scoreColumns = scoreColumns == null || scoreColumns.isEmpty() ? null : List.copyOf(scoreColumns);
    }

    /** The defaults of {@code train} with another scaling. */
    public static ColumnPlan defaults(NormalizerKind scaling) {
        return new ColumnPlan(scaling, DEFAULT_RELATIVE_FLOOR, DEFAULT_ABSOLUTE_FLOOR, true, Map.of(), null, true);
    }

    /** {@code --column-types}: {@code auto} or {@code gaussian}, then optional {@code NAME=gaussian|bernoulli} overrides. */
    public static ColumnPlan withTypes(ColumnPlan base, String text) {
        boolean auto = base.autoTypes;
        Map<String, Distribution> overrides = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            int eq = p.indexOf('=');
            if (eq < 0 && p.equalsIgnoreCase("auto")) {
                auto = true;
            } else if (eq < 0 && p.equalsIgnoreCase("gaussian")) {
                auto = false;
            } else if (eq > 0) {
                overrides.put(p.substring(0, eq).trim(), EnumOption.parse(Distribution.class, "column-types " + p.substring(0, eq),
                        p.substring(eq + 1)));
            } else {
                throw new IllegalArgumentException("column-types: expected auto, gaussian or NAME=gaussian|bernoulli entries, got '"
                        + p + "'");
            }
        }
        return new ColumnPlan(base.scaling, base.relativeFloor, base.absoluteFloor, auto, overrides, base.scoreColumns,
                base.dropConstant);
    }

    /** {@code --scale-floor REL[:ABS]}. */
    public static ColumnPlan withFloor(ColumnPlan base, String text) {
        String[] p = text.split(":");
        try {
            double rel = Double.parseDouble(p[0]);
            double abs = p.length > 1 ? Double.parseDouble(p[1]) : base.absoluteFloor;
            if (p.length > 2) {
                throw new NumberFormatException("too many parts");
            }
            return new ColumnPlan(base.scaling, rel, abs, base.autoTypes, base.typeOverrides, base.scoreColumns, base.dropConstant);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("scale-floor: expected REL or REL:ABS, e.g. 0.01:1e-6, got '" + text + "'", e);
        }
    }

    public ColumnPlan withScoreColumns(List<String> columns) {
        return new ColumnPlan(scaling, relativeFloor, absoluteFloor, autoTypes, typeOverrides, columns, dropConstant);
    }

    public ColumnPlan withDropConstant(boolean drop) {
        return new ColumnPlan(scaling, relativeFloor, absoluteFloor, autoTypes, typeOverrides, scoreColumns, drop);
    }
}
