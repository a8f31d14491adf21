package io.aestream.trainer.data;

import java.util.Locale;

/**
 * {@code --window auto}: the window of the window layout is one period of the series' dominant cycle, found from
 * the autocorrelation of the training rows (each column z-normalized, the functions averaged over columns): the lag
 * of the highest local maximum after the autocorrelation first drops below zero, if that maximum is above
 * {@value #MIN_PEAK}. A window of one period shows the model a whole cycle, so a changed shape is visible inside
 * one frame. Without a clear cycle the window falls back to {@value #FALLBACK} rows (less where the rows are few).
 *
 * @param window the chosen window in rows
 * @param reason how it was chosen, for the manifest and the training report
 */
public record DominantPeriod(int window, String reason) {
    static final double MIN_PEAK = 0.2;
    static final int FALLBACK = 32;
    static final int MIN_WINDOW = 4;
    static final int MAX_WINDOW = 512;
    /** Rows analysed at most (the first ones of the range): enough for periods up to {@link #MAX_WINDOW}. */
    static final int MAX_ROWS = 20_000;

    /** The period of {@code rows} (rows × columns, raw values in time order). */
    public static DominantPeriod of(double[][] rows) {
        int n = Math.min(rows.length, MAX_ROWS);
        int maxLag = Math.min(MAX_WINDOW, n / 3);
        double[] acf = averageAutocorrelation(rows, n, maxLag);
        int firstNegative = 1;
        while (firstNegative <= maxLag && acf[firstNegative] >= 0) {
            firstNegative++;
        }
        int best = -1;
        for (int lag = Math.max(firstNegative, MIN_WINDOW); lag < maxLag; lag++) {
            boolean peak = acf[lag] >= acf[lag - 1] && acf[lag] >= acf[lag + 1];
            if (peak && acf[lag] > MIN_PEAK && (best < 0 || acf[lag] > acf[best])) {
                best = lag;
            }
        }
        if (best > 0) {
            return new DominantPeriod(best, String.format(Locale.ROOT,
                    "auto: dominant period of the training rows, autocorrelation %.2f at lag %d", acf[best], best));
        }
        int fallback = Math.max(1, Math.min(FALLBACK, n / 4));
        return new DominantPeriod(fallback, "auto: no autocorrelation peak above " + MIN_PEAK + " in lags up to " + maxLag
                + ", fallback " + fallback + " rows");
    }

    private static double[] averageAutocorrelation(double[][] rows, int n, int maxLag) {
        int columns = rows[0].length;
        double[] acf = new double[maxLag + 2];
        int counted = 0;
        for (int c = 0; c < columns; c++) {
            double mean = 0;
            for (int t = 0; t < n; t++) {
                mean += rows[t][c] / n;
            }
            double[] x = new double[n];
            double power = 0;
            for (int t = 0; t < n; t++) {
                x[t] = rows[t][c] - mean;
                power += x[t] * x[t];
            }
            if (!(power > 0)) {
                continue; // a constant column has no period to contribute
            }
            counted++;
            for (int lag = 0; lag < acf.length && lag < n; lag++) {
                double s = 0;
                for (int t = lag; t < n; t++) {
                    s += x[t] * x[t - lag];
                }
                acf[lag] += s / power;
            }
        }
        for (int lag = 0; lag < acf.length; lag++) {
            acf[lag] /= Math.max(1, counted);
        }
        return acf;
    }
}
