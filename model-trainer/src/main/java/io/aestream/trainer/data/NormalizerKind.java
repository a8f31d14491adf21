package io.aestream.trainer.data;

import io.aestream.scoring.Normalizer;

/**
 * Which normalizer to fit on the training rows. Tables are fitted per column by {@link ColumnFitter}; this fits
 * audio bins, where robust scaling is not offered.
 */
public enum NormalizerKind {
    STANDARDIZE, ROBUST, MINMAX, NONE, PER_FRAME;

    public static NormalizerKind parse(String text) {
        return EnumOption.parse(NormalizerKind.class, "normalizer", text);
    }

    /**
     * Fits per base feature over {@code base} (rows × base features), then repeats the parameters {@code tile}
     * times: a window frame is {@code tile} rows of the same columns, so each column keeps one scale. The scale
     * (std or max − min) of every feature is at least {@code minScale}: a feature that barely moves in training
     * would otherwise turn small changes at scoring time into huge normalized values.
     */
    public Normalizer fit(double[][] base, int tile, double minScale) {
        if (base.length == 0) {
            throw new IllegalArgumentException("normalizer: no training rows to fit on");
        }
        int d = base[0].length;
        double[] a = new double[d];
        double[] b = new double[d];
        switch (this) {
            case STANDARDIZE -> {
                for (double[] row : base) {
                    for (int j = 0; j < d; j++) {
                        a[j] += row[j] / base.length;
                    }
                }
                for (double[] row : base) {
                    for (int j = 0; j < d; j++) {
                        b[j] += (row[j] - a[j]) * (row[j] - a[j]) / base.length;
                    }
                }
                for (int j = 0; j < d; j++) {
                    double sd = Math.sqrt(b[j]);
                    b[j] = sd > 1e-12 ? Math.max(sd, minScale) : Math.max(1.0, minScale); // a constant column maps to 0, never to NaN
                }
                return new Normalizer.Standardize(tileOut(a, tile), tileOut(b, tile));
            }
            case MINMAX -> {
                java.util.Arrays.fill(a, Double.POSITIVE_INFINITY);
                java.util.Arrays.fill(b, Double.NEGATIVE_INFINITY);
                for (double[] row : base) {
                    for (int j = 0; j < d; j++) {
                        a[j] = Math.min(a[j], row[j]);
                        b[j] = Math.max(b[j], row[j]);
                    }
                }
                for (int j = 0; j < d; j++) {
                    if (!(b[j] > a[j])) {
                        b[j] = a[j] + Math.max(1.0, minScale);
                    } else if (b[j] - a[j] < minScale) {
                        b[j] = a[j] + minScale;
                    }
                }
                return new Normalizer.MinMax(tileOut(a, tile), tileOut(b, tile));
            }
            case ROBUST, PER_FRAME -> throw new IllegalArgumentException("normalizer: " + name().toLowerCase(java.util.Locale.ROOT)
                    .replace('_', '-') + " scaling is for tabular input, not audio");
            default -> {
                return new Normalizer.Identity(d * tile);
            }
        }
    }

    private static double[] tileOut(double[] v, int tile) {
        return ColumnFitter.tileOut(v, tile);
    }
}
