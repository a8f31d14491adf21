package io.aestream.trainer.bench.explore;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Exploration only: alternative frame scores computed from the same per-element squared residuals
 * e[frame][t * cols + c] (normalized units), with residual statistics fitted on the training frames only.
 */
final class ScoreVariants {
    private ScoreVariants() {
    }

    /** Statistics of training residuals needed by the variants. */
    record Fit(double[] elemVar, double[] colVar, double[][] colPrecision, int cols) {
        static Fit of(double[][] trainErr, double[][][] trainResid, int cols) {
            int d = trainErr[0].length;
            double[] ev = new double[d];
            for (double[] e : trainErr) {
                for (int j = 0; j < d; j++) {
                    ev[j] += e[j] / trainErr.length;
                }
            }
            double[] cv = new double[cols];
            for (int j = 0; j < d; j++) {
                cv[j % cols] += ev[j] / (d / cols);
            }
            double floor = 1e-6;
            for (int j = 0; j < d; j++) {
                ev[j] = Math.max(ev[j], floor);
            }
            for (int c = 0; c < cols; c++) {
                cv[c] = Math.max(cv[c], floor);
            }
            // full covariance of the per-row residual vector, pooled over window positions and training frames
            double[][] cov = new double[cols][cols];
            long n = 0;
            for (double[][] frame : trainResid) {
                for (double[] r : frame) {
                    for (int a = 0; a < cols; a++) {
                        for (int b = 0; b < cols; b++) {
                            cov[a][b] += r[a] * r[b];
                        }
                    }
                    n++;
                }
            }
            double tr = 0;
            for (int a = 0; a < cols; a++) {
                for (int b = 0; b < cols; b++) {
                    cov[a][b] /= n;
                }
                tr += cov[a][a];
            }
            for (int a = 0; a < cols; a++) {
                cov[a][a] += 1e-3 * tr / cols + floor; // ridge: a few residual directions are nearly degenerate
            }
            return new Fit(ev, cv, invert(cov), cols);
        }
    }

    /** Every variant's score of one frame from its squared errors and its signed residuals (rows × cols). */
    static Map<String, Double> all(double[] e, double[][] resid, Fit fit) {
        int d = e.length;
        int cols = fit.cols();
        int w = d / cols;
        Map<String, Double> out = new LinkedHashMap<>();
        double mse = 0;
        double mae = 0;
        double nllElem = 0;
        double nllCol = 0;
        double[] perCol = new double[cols];
        for (int j = 0; j < d; j++) {
            mse += e[j];
            mae += Math.sqrt(e[j]);
            nllElem += e[j] / fit.elemVar()[j];
            nllCol += e[j] / fit.colVar()[j % cols];
            perCol[j % cols] += e[j] / fit.colVar()[j % cols] / w;
        }
        out.put("mse", mse / d);
        out.put("mae", mae / d);
        out.put("rmse", Math.sqrt(mse / d));
        out.put("nll-elem", nllElem / d);
        out.put("nll-col", nllCol / d);
        out.put("rms-nll-col", Math.sqrt(nllCol / d));
        double max = 0;
        for (double v : perCol) {
            max = Math.max(max, v);
        }
        out.put("max-col-nll", max);
        double lastMse = 0;
        double lastNll = 0;
        for (int c = 0; c < cols; c++) {
            lastMse += e[d - cols + c];
            lastNll += e[d - cols + c] / fit.colVar()[c];
        }
        out.put("last-mse", lastMse / cols);
        out.put("last-nll-col", lastNll / cols);
        double maha = 0;
        for (double[] r : resid) {
            maha += quad(fit.colPrecision(), r);
        }
        out.put("maha-row", maha / resid.length / cols);
        out.put("rms-maha-row", Math.sqrt(maha / resid.length / cols));
        return out;
    }

    private static double quad(double[][] p, double[] r) {
        double s = 0;
        for (int a = 0; a < r.length; a++) {
            double t = 0;
            for (int b = 0; b < r.length; b++) {
                t += p[a][b] * r[b];
            }
            s += r[a] * t;
        }
        return s;
    }

    /** Gauss-Jordan inverse of a small symmetric positive-definite matrix. */
    static double[][] invert(double[][] m) {
        int n = m.length;
        double[][] a = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(m[i], 0, a[i], 0, n);
            a[i][n + i] = 1;
        }
        for (int c = 0; c < n; c++) {
            int piv = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) {
                    piv = r;
                }
            }
            double[] tmp = a[c];
            a[c] = a[piv];
            a[piv] = tmp;
            double p = a[c][c];
            for (int k = 0; k < 2 * n; k++) {
                a[c][k] /= p;
            }
            for (int r = 0; r < n; r++) {
                if (r != c) {
                    double f = a[r][c];
                    for (int k = 0; k < 2 * n; k++) {
                        a[r][k] -= f * a[c][k];
                    }
                }
            }
        }
        double[][] inv = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], n, inv[i], 0, n);
        }
        return inv;
    }
}
