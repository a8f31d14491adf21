package io.aestream.scoring;

import java.util.List;

/**
 * Raw frame → normalize (the parent autoencoder's normalizer) → pre-trained encoder → softmax head → class
 * probabilities. The one classification path shared by the offline CLI and the stream app. Not thread-safe (it owns
 * a {@link ForwardPass}); create one per thread.
 */
public final class Classifier {
    private final Normalizer normalizer;
    private final List<String> classes;
    private final ForwardPass forward;
    private final double[] normalized;

    public Classifier(DenseNetwork network, Normalizer normalizer, List<String> classes) {
        if (normalizer.size() != network.inputSize()) {
            throw new IllegalArgumentException("normalizer: expected " + network.inputSize() + " features, found " + normalizer.size());
        }
        if (network.outputSize() != classes.size()) {
            throw new IllegalArgumentException("network: expected one output per class (" + classes.size() + "), found "
                    + network.outputSize());
        }
        this.normalizer = normalizer;
        this.classes = List.copyOf(classes);
        this.forward = new ForwardPass(network);
        this.normalized = new double[network.inputSize()];
    }

    public List<String> classes() {
        return classes;
    }

    /** Class probabilities of one raw frame (the bundle's feature order), in {@link #classes()} order. */
    public double[] probabilities(double[] frame) {
        if (frame.length != normalized.length) {
            throw new IllegalArgumentException("frame: expected " + normalized.length + " features, found " + frame.length);
        }
        normalizer.normalize(frame, normalized);
        double[] out = new double[classes.size()];
        forward.reconstruct(normalized, out);
        return out;
    }

    public Classification classify(double[] frame) {
        return Classification.of(classes, probabilities(frame));
    }
}
