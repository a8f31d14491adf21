package io.aestream.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.aestream.scoring.Activation;
import io.aestream.scoring.Classifier;
import io.aestream.scoring.DenseNetwork;
import io.aestream.scoring.Scorer;

import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A loaded, verified bundle: manifest plus the network as plain arrays. Either an anomaly model (an autoencoder:
 * scores and reconstructs frames) or a classifier (a pre-trained encoder with a softmax head: names the anomaly
 * type of a frame), told apart by {@link Manifest#classifier()}.
 *
 * @param location where it was read from (directory or zip), or null for one built in memory
 */
public record ModelBundle(Manifest manifest, DenseNetwork network, Path location) {

    public ModelBundle {
        int expected = manifest.frameSpec().inputSize();
        if (network.inputSize() != expected) {
            throw new BundleFormatException("network input: expected " + expected + " features (frame spec "
                    + manifest.frameSpec().layout() + "), found " + network.inputSize());
        }
        Activation last = network.layers().get(network.layers().size() - 1).activation();
        ClassifierInfo classifier = manifest.classifier();
        if (classifier != null) {
            if (network.outputSize() != classifier.classes().size()) {
                throw new BundleFormatException("network output: expected one output per class (" + classifier.classes().size()
                        + ", " + classifier.classes() + "), found " + network.outputSize());
            }
            if (last != Activation.SOFTMAX) {
                throw new BundleFormatException("network output activation: a classifier ends in SOFTMAX, found " + last);
            }
        } else {
            int outputs = manifest.frameSpec().outputSize();
            if (network.outputSize() != outputs) {
                throw new BundleFormatException("network output: expected " + outputs + " features, found " + network.outputSize());
            }
            if (last != manifest.model().distribution().outputActivation()) {
                throw new BundleFormatException("network output activation: expected "
                        + manifest.model().distribution().outputActivation() + " for " + manifest.model().distribution()
                        + ", found " + last);
            }
            try {
                manifest.likelihood();
            } catch (IllegalArgumentException e) {
                throw new BundleFormatException(e.getMessage(), e);
            }
        }
    }

    public boolean isClassifier() {
        return manifest.classifier() != null;
    }

    /** A new scorer over this anomaly model (one per thread). */
    public Scorer newScorer() {
        if (isClassifier()) {
            throw new IllegalStateException("bundle " + version() + " is a classifier: it names anomaly types, it does not "
                    + "score frames (configure it as the classifier beside an anomaly model)");
        }
        return new Scorer(network, manifest.normalizer(), manifest.likelihood());
    }

    /** A new classifier over this classifier bundle (one per thread). */
    public Classifier newClassifier() {
        if (!isClassifier()) {
            throw new IllegalStateException("bundle " + version() + " is an anomaly model, not a classifier");
        }
        return new Classifier(network, manifest.normalizer(), manifest.classifier().classes());
    }

    public String version() {
        return manifest.modelVersion();
    }

    /**
     * SHA-256 of this bundle's {@code network.json}: what a classifier records of its parent. Computed from the
     * network, so a bundle built in memory has the checksum it will have once written.
     */
    public String networkSha256() {
        try {
            return Checksums.sha256(Json.mapper().writeValueAsBytes(network));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Refuses to run this classifier beside {@code model}: frames must be framed and named alike, and a pre-trained
     * classifier must come from exactly that model (its encoder and normalizer are the parent's).
     *
     * @throws BundleFormatException naming what differs
     */
    public void requireCompatibleWith(ModelBundle model) {
        ClassifierInfo info = manifest.classifier();
        if (info == null) {
            throw new BundleFormatException("bundle " + version() + " is not a classifier");
        }
        if (!manifest.frameSpec().equals(model.manifest().frameSpec())) {
            throw new BundleFormatException("classifier " + version() + ": its frames (" + manifest.frameSpec().layout() + ", "
                    + manifest.featureNames() + ") differ from the anomaly model " + model.version() + "'s ("
                    + model.manifest().frameSpec().layout() + ", " + model.manifest().featureNames() + ")");
        }
        if (info.pretrained() && !info.parentModelVersion().equals(model.version())) {
            throw new BundleFormatException("classifier " + version() + ": pre-trained from model " + info.parentModelVersion()
                    + ", but the anomaly model is " + model.version());
        }
        if (info.pretrained() && !info.parentNetworkSha256().equals(model.networkSha256())) {
            throw new BundleFormatException("classifier " + version() + ": its parent " + info.parentModelVersion()
                    + " had network checksum " + info.parentNetworkSha256() + ", the anomaly model's is "
                    + model.networkSha256() + " (same version, different weights)");
        }
    }
}
