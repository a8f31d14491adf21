package io.aestream.scoring;

import java.util.Objects;

/**
 * Everything the service knows about one input column, decided once by the trainer and stored in the bundle:
 * the trainer, the scorer, attribution, the CLI and the stream read it; none re-derives it.
 *
 * @param name      header name / JSON field
 * @param type      the column's likelihood p(x | h): {@code GAUSSIAN} (squared error) or {@code BERNOULLI}
 *                  (cross-entropy on the sigmoid of the network's output for that column); under a
 *                  non-Gaussian model every column has the model's own distribution
 * @param monitored whether the column counts in the score, the threshold and attribution; a context column is
 *                  reconstructed by the model (it conditions the others) but never alerts on its own
 * @param scaling   how the column was scaled and the floor its scale was held to
 */
public record ColumnSpec(String name, Distribution type, boolean monitored, Scaling scaling) {

    public ColumnSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("column name: must be non-blank, got '" + name + "'");
        }
        Objects.requireNonNull(type, "column " + name + " type");
        scaling = scaling == null ? Scaling.NONE : scaling;
    }

    /**
     * The scale a column was divided by is {@code max(spread, floor)}.
     *
     * @param method standardize, robust (median / IQR), minmax or none
     * @param spread the column's spread on the training rows (std, IQR / 1.349 or max − min; 0 for none)
     * @param floor  the least scale allowed (relative to the column's magnitude, plus an absolute floor)
     */
    public record Scaling(String method, double spread, double floor) {
        public static final Scaling NONE = new Scaling("none", 0, 0);

        public Scaling {
            Objects.requireNonNull(method, "scaling method");
            if (!(spread >= 0) || !(floor >= 0)) {
                throw new IllegalArgumentException("scaling: spread and floor must be >= 0, got " + spread + ", " + floor);
            }
        }

        /** What the column is divided by: the spread held to the floor (1 when both are 0, i.e. unscaled). */
        public double scale() {
            double s = Math.max(spread, floor);
            return s > 0 ? s : 1;
        }

        /** Whether the floor, not the training spread, set the scale. */
        public boolean floored() {
            return floor > spread;
        }
    }
}
