package io.aestream.trainer.eval.early;

import io.aestream.scoring.Activation;
import io.aestream.scoring.DenseLayer;
import io.aestream.scoring.DenseNetwork;
import io.aestream.scoring.Normalizer;

import java.util.Arrays;
import java.util.List;

/**
 * The simple fixed model of the comparison: standardize on the training rows, then the k-component PCA
 * projection as a linear autoencoder (encoder Vₖᵀ, decoder Vₖ, identity activations) — the optimum of an
 * undercomplete linear autoencoder under squared error (Goodfellow et al. §14.1).
 */
final class LinearAutoencoder {
    private LinearAutoencoder() {
    }

    record Fitted(Normalizer.Standardize normalizer, DenseNetwork network) { }

    static Fitted fit(double[][] rows, int components) {
        int d = rows[0].length;
        double[] mean = new double[d];
        double[] std = new double[d];
        for (double[] x : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += x[j] / rows.length;
            }
        }
        for (double[] x : rows) {
            for (int j = 0; j < d; j++) {
                std[j] += (x[j] - mean[j]) * (x[j] - mean[j]) / rows.length;
            }
        }
        for (int j = 0; j < d; j++) {
            std[j] = Math.sqrt(std[j]);
        }
        double[][] cov = new double[d][d];
        for (double[] x : rows) {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    cov[i][j] += (x[i] - mean[i]) / std[i] * (x[j] - mean[j]) / std[j] / rows.length;
                }
            }
        }
        double[][] v = topEigenvectors(cov, components);
        double[] encoder = new double[components * d];
        double[] decoder = new double[d * components];
        for (int c = 0; c < components; c++) {
            for (int j = 0; j < d; j++) {
                encoder[c * d + j] = v[c][j];
                decoder[j * components + c] = v[c][j];
            }
        }
        DenseNetwork net = new DenseNetwork(List.of(
                new DenseLayer(d, components, encoder, new double[components], Activation.IDENTITY),
                new DenseLayer(components, d, decoder, new double[d], Activation.IDENTITY)), 0);
        return new Fitted(new Normalizer.Standardize(mean, std), net);
    }

    /** Power iteration with deflation; enough for the few leading components of a small covariance. */
    private static double[][] topEigenvectors(double[][] cov, int k) {
        int d = cov.length;
        double[][] a = Arrays.stream(cov).map(double[]::clone).toArray(double[][]::new);
        double[][] out = new double[k][];
        for (int c = 0; c < k; c++) {
            double[] v = new double[d];
            Arrays.fill(v, 1 / Math.sqrt(d));
            v[c % d] += 0.5;
            double lambda = 0;
            for (int it = 0; it < 2000; it++) {
                double[] w = new double[d];
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < d; j++) {
                        w[i] += a[i][j] * v[j];
                    }
                }
                double norm = Math.sqrt(Arrays.stream(w).map(x -> x * x).sum());
                for (int i = 0; i < d; i++) {
                    v[i] = w[i] / norm;
                }
                lambda = norm;
            }
            out[c] = v;
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    a[i][j] -= lambda * v[i] * v[j];
                }
            }
        }
        return out;
    }
}
