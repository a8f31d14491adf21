package io.aestream.scoring;

/**
 * Raw frame → normalize → reconstruct → per-feature NLL ({@link FrameLikelihood}) → score, plus the denormalized
 * reconstruction.
 * The one scoring path shared by the offline CLI and the stream app, which is what makes their outputs equal.
 * Not thread-safe (it owns a {@link ForwardPass}); create one per thread.
 */
public final class Scorer {
    private final Normalizer normalizer;
    private final FrameLikelihood likelihood;
    private final ForwardPass forward;
    private final double[] normalized;
    private final double[] output;

    /** Every feature monitored under {@code distribution}. */
    public Scorer(DenseNetwork network, Normalizer normalizer, Distribution distribution) {
        this(network, normalizer, FrameLikelihood.uniform(distribution, network.inputSize()));
    }

    public Scorer(DenseNetwork network, Normalizer normalizer, FrameLikelihood likelihood) {
        if (normalizer.size() != network.inputSize()) {
            throw new IllegalArgumentException("normalizer: expected " + network.inputSize() + " features, found " + normalizer.size());
        }
        if (network.outputSize() != network.inputSize()) {
            throw new IllegalArgumentException("network: an autoencoder's output size must equal its input size, "
                    + network.inputSize() + " vs " + network.outputSize());
        }
        this.normalizer = normalizer;
        if (likelihood.size() != network.inputSize()) {
            throw new IllegalArgumentException("likelihood: expected " + network.inputSize() + " features, found " + likelihood.size());
        }
        this.likelihood = likelihood;
        this.forward = new ForwardPass(network);
        this.normalized = new double[network.inputSize()];
        this.output = new double[network.outputSize()];
    }

    public int inputSize() {
        return normalized.length;
    }

    public FrameScore score(double[] frame) {
        if (frame.length != normalized.length) {
            throw new IllegalArgumentException("frame: expected " + normalized.length + " features, found " + frame.length);
        }
        normalizer.normalize(frame, normalized);
        forward.reconstruct(normalized, output);
        double[] errors = new double[output.length];
        double score = likelihood.score(normalized, output, errors);
        double[] reconstruction = new double[output.length];
        normalizer.denormalize(frame, output, reconstruction);
        return new FrameScore(score, errors, reconstruction);
    }
}
