package io.aestream.scoring;

/**
 * The result of scoring one frame.
 *
 * @param score          mean reconstruction NLL over the monitored features (MSE for Gaussian), in normalized units
 * @param featureErrors  per-feature NLL terms, in the order of the bundle's feature names; 0 for context columns
 * @param reconstruction the reconstruction in raw (denormalized) units: the denoised frame
 */
public record FrameScore(double score, double[] featureErrors, double[] reconstruction) {

    /** Indices of the {@code k} features with the largest error, largest first. */
    public int[] topFeatures(int k) {
        int n = Math.min(k, featureErrors.length);
        int[] top = new int[n];
        boolean[] taken = new boolean[featureErrors.length];
        for (int j = 0; j < n; j++) {
            int best = -1;
            for (int i = 0; i < featureErrors.length; i++) {
                if (!taken[i] && (best < 0 || featureErrors[i] > featureErrors[best])) {
                    best = i;
                }
            }
            taken[best] = true;
            top[j] = best;
        }
        return top;
    }
}
