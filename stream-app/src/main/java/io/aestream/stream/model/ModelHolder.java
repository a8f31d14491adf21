package io.aestream.stream.model;

import io.aestream.bundle.ModelBundle;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The bundles processors work with: the anomaly model they score with and, optionally, the classifier that names the
 * anomaly type of flagged frames. Processors ask it for the current bundles and build their own
 * {@link io.aestream.scoring.Scorer} and {@link io.aestream.scoring.Classifier} from them (neither is thread-safe);
 * every output carries the version of the bundle that produced it. Thread-safe.
 */
public final class ModelHolder {
    private final AtomicReference<ModelBundle> current = new AtomicReference<>();
    private final AtomicReference<ModelBundle> classifier = new AtomicReference<>();

    public static ModelHolder of(ModelBundle bundle) {
        ModelHolder holder = new ModelHolder();
        holder.load(bundle);
        return holder;
    }

    /** {@code classifier} may be null (none); it must fit {@code bundle} ({@link ModelBundle#requireCompatibleWith}). */
    public static ModelHolder of(ModelBundle bundle, ModelBundle classifier) {
        ModelHolder holder = of(bundle);
        holder.classifier.set(classifier);
        return holder;
    }

    public void load(ModelBundle bundle) {
        current.set(Objects.requireNonNull(bundle, "bundle"));
    }

    /** The current bundle, or null before one is loaded. */
    public ModelBundle current() {
        return current.get();
    }

    /** The current bundle; fails if none is loaded yet. */
    public ModelBundle require() {
        ModelBundle b = current.get();
        if (b == null) {
            throw new IllegalStateException("no model bundle loaded");
        }
        return b;
    }

    /** The classifier bundle, or null when none is configured. */
    public ModelBundle classifier() {
        return classifier.get();
    }

    public boolean isLoaded() {
        return current.get() != null;
    }
}
