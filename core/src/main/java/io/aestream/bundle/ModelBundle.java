package io.aestream.bundle;

import io.aestream.scoring.DenseNetwork;
import io.aestream.scoring.Scorer;

import java.nio.file.Path;

/**
 * A loaded, verified bundle: manifest plus the network as plain arrays.
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
        int outputs = manifest.frameSpec().outputSize();
        if (network.outputSize() != outputs) {
            throw new BundleFormatException("network output: expected " + outputs + " features, found " + network.outputSize());
        }
        if (network.layers().get(network.layers().size() - 1).activation() != manifest.model().distribution().outputActivation()) {
            throw new BundleFormatException("network output activation: expected "
                    + manifest.model().distribution().outputActivation() + " for " + manifest.model().distribution()
                    + ", found " + network.layers().get(network.layers().size() - 1).activation());
        }
        try {
            manifest.likelihood();
        } catch (IllegalArgumentException e) {
            throw new BundleFormatException(e.getMessage(), e);
        }
    }

    /** A new scorer over this bundle (one per thread). */
    public Scorer newScorer() {
        return new Scorer(network, manifest.normalizer(), manifest.likelihood());
    }

    public String version() {
        return manifest.modelVersion();
    }
}
