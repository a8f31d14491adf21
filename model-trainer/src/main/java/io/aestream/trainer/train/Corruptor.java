package io.aestream.trainer.train;

import io.aestream.trainer.model.Corruption;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Draws x̃ ~ C(x̃ | x) for a batch of training or validation rows (Goodfellow et al. §14.2.2), freshly on every
 * call. The clean rows stay the targets.
 */
@FunctionalInterface
interface Corruptor {

    /**
     * @param clean the clean rows (not modified)
     * @param part  the part of the training set they come from
     * @param rows  their indices in that part (what a {@link TrainingSet.NoisySource} needs)
     */
    double[][] corrupt(double[][] clean, TrainingSet.Part part, int[] rows, SplittableRandom rng);

    Corruptor NONE = (clean, part, rows, rng) -> clean;

    /** The corruptor for {@code corruption} (null: none) on {@code data}. */
    static Corruptor of(Corruption corruption, TrainingSet data) {
        if (corruption == null) {
            return NONE;
        }
        if (corruption instanceof Corruption.Gaussian g) {
            return elementwise((x, j, rng) -> x + g.sigma() * rng.nextGaussian());
        }
        if (corruption instanceof Corruption.Masking m) {
            return elementwise((x, j, rng) -> rng.nextDouble() < m.fraction() ? 0.0 : x);
        }
        if (corruption instanceof Corruption.SaltAndPepper s) {
            return saltAndPepper(s.fraction(), data.train());
        }
        TrainingSet.NoisySource source = data.noisySource();
        if (source == null) {
            throw new IllegalArgumentException("corruption: recordings need the training set's noisySource, which is null");
        }
        return (clean, part, rows, rng) -> source.noisy(part, rows, rng);
    }

    private static Corruptor saltAndPepper(double fraction, double[][] train) {
        int width = train[0].length;
        double[] min = new double[width];
        double[] max = new double[width];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (double[] row : train) {
            for (int j = 0; j < width; j++) {
                min[j] = Math.min(min[j], row[j]);
                max[j] = Math.max(max[j], row[j]);
            }
        }
        return elementwise((x, j, rng) -> {
            double u = rng.nextDouble();
            return u < fraction / 2 ? min[j] : u < fraction ? max[j] : x;
        });
    }

    private static Corruptor elementwise(ElementNoise noise) {
        return (clean, part, rows, rng) -> {
            double[][] out = new double[clean.length][];
            for (int i = 0; i < clean.length; i++) {
                out[i] = new double[clean[i].length];
                for (int j = 0; j < clean[i].length; j++) {
                    out[i][j] = noise.apply(clean[i][j], j, rng);
                }
            }
            return out;
        };
    }

    @FunctionalInterface
    interface ElementNoise {
        double apply(double x, int feature, SplittableRandom rng);
    }
}
