package io.aestream.trainer.model;

import java.util.List;

/**
 * Encoder layer sizes chosen from the input size when the user gives none, so that every input width trains:
 * the code is about √d (at most {@value #MAX_CODE}) and always below d when d ≥ 2 — an autoencoder whose code
 * reaches its input size can learn the identity and stops detecting anything; with d = 1 the code is 1 and the
 * default denoising objective keeps the model from copying. One hidden layer, the geometric mean of d and the
 * code (at most {@value #MAX_HIDDEN}), is added when it fits strictly between them.
 *
 * @param sizes  encoder layer sizes, the last is the code
 * @param reason how they were chosen, for the manifest and the training report
 */
public record EncoderSizes(List<Integer> sizes, String reason) {
    static final int MAX_CODE = 16;
    static final int MAX_HIDDEN = 128;

    public EncoderSizes {
        sizes = List.copyOf(sizes);
    }

    /** The default for {@code inputSize} features. */
    public static EncoderSizes derived(int inputSize) {
        int code = Math.min(MAX_CODE, (int) Math.round(Math.sqrt(inputSize)));
        return new EncoderSizes(around(inputSize, code), "derived from the input size: code ≈ √" + inputSize
                + ", at most " + MAX_CODE + " and below the input size");
    }

    /** The user's sizes, unchanged. */
    public static EncoderSizes given(List<Integer> sizes) {
        return new EncoderSizes(sizes, "given by --encoder");
    }

    /**
     * {@code code} wrapped with the default hidden layer, the code clamped to [1, d − 1] (1 when d = 1).
     */
    public static List<Integer> around(int inputSize, int code) {
        if (inputSize < 1) {
            throw new IllegalArgumentException("input size: must be >= 1, got " + inputSize);
        }
        int c = clampCode(inputSize, code);
        int hidden = Math.min(MAX_HIDDEN, (int) Math.round(Math.sqrt((double) inputSize * c)));
        return hidden > c && hidden < inputSize ? List.of(hidden, c) : List.of(c);
    }

    private static int clampCode(int inputSize, int code) {
        return Math.max(1, Math.min(code, inputSize - 1));
    }

    /**
     * {@code --encoder auto}: the code size at the knee of the PCA explained-variance curve of the normalized
     * training frames (Kneedle, Satopää et al. 2011: the component count where the cumulative explained share lies
     * farthest above the diagonal). One eigen-decomposition instead of a sweep of trainings, and the linear subspace
     * the data occupies is the size a code needs to reconstruct it; more components only add noise directions.
     *
     * @param eigenvalues covariance eigenvalues, descending
     */
    public static EncoderSizes knee(double[] eigenvalues) {
        int d = eigenvalues.length;
        double total = 0;
        for (double e : eigenvalues) {
            total += Math.max(0, e);
        }
        int best = 1;
        double bestGap = Double.NEGATIVE_INFINITY;
        double cumulative = 0;
        double[] explained = new double[d + 1];
        for (int k = 1; k <= d; k++) {
            cumulative += total > 0 ? Math.max(0, eigenvalues[k - 1]) / total : 1.0 / d;
            explained[k] = cumulative;
            double gap = cumulative - (double) k / d;
            if (gap > bestGap + 1e-12) {
                bestGap = gap;
                best = k;
            }
        }
        List<Integer> sizes = around(d, best);
        int code = sizes.get(sizes.size() - 1);
        return new EncoderSizes(sizes, String.format(java.util.Locale.ROOT, "auto: knee of the PCA explained variance of "
                + "the normalized training frames, %d of %d components explain %.1f %%", code, d, 100 * explained[code]));
    }

    public int codeSize() {
        return sizes.get(sizes.size() - 1);
    }
}
