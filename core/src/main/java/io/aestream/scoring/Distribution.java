package io.aestream.scoring;

/**
 * The decoder's output distribution p(x | h) (Goodfellow et al. §14.1, stochastic decoders), which fixes the
 * output activation, the training loss and the anomaly score: the reconstruction negative log-likelihood,
 * averaged over features so that scores of frames of different widths are comparable.
 */
public enum Distribution {
    /** Real-valued data: identity output, squared error (Gaussian NLL up to constants). */
    GAUSSIAN(Activation.IDENTITY),
    /** Data in [0, 1]: sigmoid output, binary cross-entropy. */
    BERNOULLI(Activation.SIGMOID),
    /** One-hot frames: softmax over the whole output, categorical cross-entropy. */
    CATEGORICAL(Activation.SOFTMAX);

    private static final double EPS = 1e-7;
    private final Activation outputActivation;

    Distribution(Activation outputActivation) {
        this.outputActivation = outputActivation;
    }

    public Activation outputActivation() {
        return outputActivation;
    }

    /** Per-feature NLL term of observing {@code x} when the decoder outputs {@code p}. */
    public double elementLoss(double x, double p) {
        return switch (this) {
            case GAUSSIAN -> (x - p) * (x - p);
            case BERNOULLI -> {
                double q = Math.min(Math.max(p, EPS), 1 - EPS);
                yield -(x * Math.log(q) + (1 - x) * Math.log(1 - q));
            }
            case CATEGORICAL -> -x * Math.log(Math.max(p, EPS));
        };
    }
}
