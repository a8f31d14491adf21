package io.aestream.trainer.train;

import java.util.SplittableRandom;

/** Small synthetic data sets with a known structure, generated per test from a seed. */
final class SyntheticData {
    private SyntheticData() {
    }

    /** Rows x = A z + ε: z ~ N(0, I_rank), a fixed random A (dim × rank), ε ~ N(0, noise²). */
    static double[][] lowRank(int rows, int dim, int rank, double noise, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] basis = gaussian(dim, rank, 1.0, new SplittableRandom(7));
        double[][] x = new double[rows][dim];
        for (double[] row : x) {
            double[] z = new double[rank];
            for (int r = 0; r < rank; r++) {
                z[r] = rng.nextGaussian();
            }
            for (int j = 0; j < dim; j++) {
                double v = noise * rng.nextGaussian();
                for (int r = 0; r < rank; r++) {
                    v += basis[j][r] * z[r];
                }
                row[j] = v;
            }
        }
        return x;
    }

    /** Binary rows: one of three random prototypes with each bit flipped with probability 0.05. */
    static double[][] binary(int rows, int dim, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        SplittableRandom protoRng = new SplittableRandom(11);
        double[][] prototypes = new double[3][dim];
        for (double[] p : prototypes) {
            for (int j = 0; j < dim; j++) {
                p[j] = protoRng.nextBoolean() ? 1 : 0;
            }
        }
        double[][] x = new double[rows][dim];
        for (double[] row : x) {
            double[] p = prototypes[rng.nextInt(3)];
            for (int j = 0; j < dim; j++) {
                row[j] = rng.nextDouble() < 0.05 ? 1 - p[j] : p[j];
            }
        }
        return x;
    }

    /** One-hot rows over {@code categories}, category c drawn with probability ∝ 2^-c. */
    static double[][] oneHot(int rows, int categories, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] x = new double[rows][categories];
        for (double[] row : x) {
            int c = 0;
            while (c < categories - 1 && rng.nextBoolean()) {
                c++;
            }
            row[c] = 1;
        }
        return x;
    }

    static double[][] gaussian(int rows, int cols, double sigma, SplittableRandom rng) {
        double[][] x = new double[rows][cols];
        for (double[] row : x) {
            for (int j = 0; j < cols; j++) {
                row[j] = sigma * rng.nextGaussian();
            }
        }
        return x;
    }

    static double[][] head(double[][] x, int n) {
        return java.util.Arrays.copyOfRange(x, 0, n);
    }

    static double[][] tail(double[][] x, int from) {
        return java.util.Arrays.copyOfRange(x, from, x.length);
    }
}
