package io.aestream.scoring;

/**
 * Raw frame → normalize → reconstruct → per-feature NLL ({@link FrameLikelihood}) → score, plus the denormalized
 * reconstruction.
 * The one scoring path shared by the offline CLI and the stream app, which is what makes their outputs equal.
 * A network whose output is narrower than its input is an audio gain-mask model (sigmoid outputs o ∈ [0, 1], one per
 * band): its "reconstruction" is o itself, a band's error is the suppression 1 − o and the score their mean.
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
        if (network.outputSize() > network.inputSize()) {
            throw new IllegalArgumentException("network: output size must not exceed the input size, "
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

    /** Width of the code h. */
    public int codeSize() {
        return forward.network().codeSize();
    }

    /**
     * The code h of the frame last {@link #score scored}: the same forward pass that scored it, not a second one. A
     * view, overwritten by the next call; copy it to keep it.
     */
    public double[] code() {
        return forward.code();
    }

    public FrameScore score(double[] frame) {
        if (frame.length != normalized.length) {
            throw new IllegalArgumentException("frame: expected " + normalized.length + " features, found " + frame.length);
        }
        normalizer.normalize(frame, normalized);
        forward.reconstruct(normalized, output);
        if (output.length != normalized.length) {
            return gains();
        }
        double[] errors = new double[output.length];
        double score = likelihood.score(normalized, output, errors);
        double[] reconstruction = new double[output.length];
        normalizer.denormalize(frame, output, reconstruction);
        return new FrameScore(score, errors, reconstruction);
    }

    private FrameScore gains() {
        double[] suppression = new double[output.length];
        double sum = 0;
        for (int i = 0; i < output.length; i++) {
            suppression[i] = 1 - output[i];
            sum += suppression[i];
        }
        return new FrameScore(sum / output.length, suppression, output.clone());
    }
}
