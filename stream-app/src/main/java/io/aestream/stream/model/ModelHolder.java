package io.aestream.stream.model;

import io.aestream.bundle.ModelBundle;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The bundle processors score with. Processors ask it for the current bundle and build their own
 * {@link io.aestream.scoring.Scorer} from it (scorers are not thread-safe); every output carries the version of
 * the bundle that produced it. Thread-safe.
 */
public final class ModelHolder {
    private final AtomicReference<ModelBundle> current = new AtomicReference<>();

    public static ModelHolder of(ModelBundle bundle) {
        ModelHolder holder = new ModelHolder();
        holder.load(bundle);
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

    public boolean isLoaded() {
        return current.get() != null;
    }
}
