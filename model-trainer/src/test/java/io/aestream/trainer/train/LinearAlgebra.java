package io.aestream.trainer.train;

import io.aestream.scoring.DenseNetwork;
import io.aestream.scoring.ForwardPass;

/** Test-side numerics: symmetric eigen-decomposition (Jacobi), subspace angles, finite-difference Jacobians. */
final class LinearAlgebra {
    private LinearAlgebra() {
    }

    /** Eigenvalues (descending) and eigenvectors (columns of [1]) of a symmetric matrix, by cyclic Jacobi sweeps. */
    static double[][][] symmetricEigen(double[][] symmetric) {
        int n = symmetric.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = symmetric[i].clone();
        }
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            v[i][i] = 1;
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    off += a[p][q] * a[p][q];
                }
            }
            if (off < 1e-22) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (Math.abs(a[p][q]) < 1e-300) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < n; k++) {
                        double akp = a[k][p];
                        double akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++) {
                        double apk = a[p][k];
                        double aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < n; k++) {
                        double vkp = v[k][p];
                        double vkq = v[k][q];
                        v[k][p] = c * vkp - s * vkq;
                        v[k][q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (i, j) -> Double.compare(a[j][j], a[i][i]));
        double[][] values = new double[1][n];
        double[][] vectors = new double[n][n];
        for (int c = 0; c < n; c++) {
            values[0][c] = a[order[c]][order[c]];
            for (int r = 0; r < n; r++) {
                vectors[r][c] = v[r][order[c]];
            }
        }
        return new double[][][] {values, vectors};
    }

    /** The top-{@code k} principal directions of the rows of {@code x} (as columns, dim × k). */
    static double[][] principalSubspace(double[][] x, int k) {
        int d = x[0].length;
        double[] mean = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / x.length;
            }
        }
        double[][] cov = new double[d][d];
        for (double[] row : x) {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    cov[i][j] += (row[i] - mean[i]) * (row[j] - mean[j]) / x.length;
                }
            }
        }
        double[][] vectors = symmetricEigen(cov)[1];
        double[][] top = new double[d][k];
        for (int r = 0; r < d; r++) {
            System.arraycopy(vectors[r], 0, top[r], 0, k);
        }
        return top;
    }

    /** Largest principal angle (degrees) between the column spaces of two dim × k matrices of full rank. */
    static double largestPrincipalAngleDegrees(double[][] a, double[][] b) {
        double[][] qa = orthonormalColumns(a);
        double[][] qb = orthonormalColumns(b);
        int k = qa[0].length;
        double[][] m = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                for (int r = 0; r < qa.length; r++) {
                    m[i][j] += qa[r][i] * qb[r][j];
                }
            }
        }
        double[][] mtm = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                for (int r = 0; r < k; r++) {
                    mtm[i][j] += m[r][i] * m[r][j];
                }
            }
        }
        double[] eig = symmetricEigen(mtm)[0][0];
        double smallestCos = Math.sqrt(Math.max(0, Math.min(1, eig[k - 1])));
        return Math.toDegrees(Math.acos(smallestCos));
    }

    private static double[][] orthonormalColumns(double[][] a) {
        int d = a.length;
        int k = a[0].length;
        double[][] q = new double[d][k];
        for (int c = 0; c < k; c++) {
            double[] v = new double[d];
            for (int r = 0; r < d; r++) {
                v[r] = a[r][c];
            }
            for (int p = 0; p < c; p++) {
                double dot = 0;
                for (int r = 0; r < d; r++) {
                    dot += v[r] * q[r][p];
                }
                for (int r = 0; r < d; r++) {
                    v[r] -= dot * q[r][p];
                }
            }
            double norm = 0;
            for (double x : v) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            for (int r = 0; r < d; r++) {
                q[r][c] = v[r] / norm;
            }
        }
        return q;
    }

    /** ‖∂f/∂x‖²_F of the network {@code encoder} at {@code x}, by central differences (step h). */
    static double jacobianFrobeniusSquared(DenseNetwork encoder, double[] x, double h) {
        ForwardPass pass = new ForwardPass(encoder);
        double[] plus = new double[encoder.outputSize()];
        double[] minus = new double[encoder.outputSize()];
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            double[] xp = x.clone();
            double[] xm = x.clone();
            xp[i] += h;
            xm[i] -= h;
            pass.reconstruct(xp, plus);
            pass.reconstruct(xm, minus);
            for (int j = 0; j < plus.length; j++) {
                double d = (plus[j] - minus[j]) / (2 * h);
                sum += d * d;
            }
        }
        return sum;
    }

    static double meanSquaredError(double[][] a, double[][] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                sum += (a[i][j] - b[i][j]) * (a[i][j] - b[i][j]);
            }
        }
        return sum / (a.length * (double) a[0].length);
    }
}
