package io.aestream.trainer.report;

import io.aestream.trainer.model.Corruption;

import java.util.SplittableRandom;

/**
 * Draws one x̃ ~ C(x̃ | x) for the report's frame plots, on normalized features. Recording corruption is drawn
 * by the data's {@link io.aestream.trainer.train.TrainingSet.NoisySource} instead, so it is not handled here.
 */
final class CorruptionPreview {
    private CorruptionPreview() {
    }

    /**
     * @param low  per-feature training minimum (the "pepper" value)
     * @param high per-feature training maximum (the "salt" value)
     */
    static double[] corrupt(Corruption c, double[] x, double[] low, double[] high, SplittableRandom rng) {
        double[] out = x.clone();
        for (int i = 0; i < out.length; i++) {
            if (c instanceof Corruption.Gaussian g) {
                out[i] += g.sigma() * gaussian(rng);
            } else if (c instanceof Corruption.Masking m) {
                out[i] = rng.nextDouble() < m.fraction() ? 0.0 : out[i];
            } else if (c instanceof Corruption.SaltAndPepper s && rng.nextDouble() < s.fraction()) {
                out[i] = rng.nextBoolean() ? high[i] : low[i];
            }
        }
        return out;
    }

    private static double gaussian(SplittableRandom rng) {
        double u = 1.0 - rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
