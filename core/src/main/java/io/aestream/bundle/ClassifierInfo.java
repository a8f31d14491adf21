package io.aestream.bundle;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * What makes a bundle a classifier (the chapter's pre-training: an encoder trained as an autoencoder, its decoder
 * replaced by a softmax head): the classes its outputs name, and the anomaly-model bundle its encoder came from.
 *
 * @param classes             class names in the order of the network's softmax outputs: at least two, distinct, not blank
 * @param parentModelVersion  model version of the pre-trained bundle, or null for a classifier trained from random
 *                            initialization
 * @param parentNetworkSha256 SHA-256 of the parent's {@code network.json} (as its manifest lists it); null iff the
 *                            parent version is null
 */
public record ClassifierInfo(List<String> classes, String parentModelVersion, String parentNetworkSha256) {

    public ClassifierInfo {
        Objects.requireNonNull(classes, "classifier classes");
        classes = List.copyOf(classes);
        if (classes.size() < 2) {
            throw new IllegalArgumentException("classifier classes: at least two are needed, got " + classes);
        }
        if (classes.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("classifier classes: a class name is blank in " + classes);
        }
        if (new HashSet<>(classes).size() != classes.size()) {
            throw new IllegalArgumentException("classifier classes: names must be distinct, got " + classes);
        }
        if ((parentModelVersion == null) != (parentNetworkSha256 == null)) {
            throw new IllegalArgumentException("classifier parent: version and network checksum go together, got version "
                    + parentModelVersion + " and checksum " + parentNetworkSha256);
        }
    }

    /** Whether the encoder was pre-trained (false: trained from random initialization). */
    public boolean pretrained() {
        return parentModelVersion != null;
    }
}
