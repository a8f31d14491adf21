package io.aestream.scoring;

import java.util.Arrays;

/**
 * The result of scoring one frame.
 *
 * @param score          mean reconstruction NLL over the monitored features (MSE for Gaussian), in normalized units
 * @param featureErrors  per-feature NLL terms, in the order of the bundle's feature names; 0 for context columns
 * @param reconstruction the reconstruction in raw (denormalized) units: the denoised frame
 */
public record FrameScore(double score, double[] featureErrors, double[] reconstruction) {

    /**
     * Indices of the (at most) {@code k} features with the largest error, largest first. Only features whose term
     * adds to the score are named: a context column's term is always 0, so it is never named, even when {@code k}
     * exceeds the number of monitored features with an error.
     */
    public int[] topFeatures(int k) {
        int[] top = new int[Math.min(k, featureErrors.length)];
        boolean[] taken = new boolean[featureErrors.length];
        int n = 0;
        while (n < top.length) {
            int best = -1;
            for (int i = 0; i < featureErrors.length; i++) {
                if (!taken[i] && featureErrors[i] > 0 && (best < 0 || featureErrors[i] > featureErrors[best])) {
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            taken[best] = true;
            top[n++] = best;
        }
        return n == top.length ? top : Arrays.copyOf(top, n);
    }
}
