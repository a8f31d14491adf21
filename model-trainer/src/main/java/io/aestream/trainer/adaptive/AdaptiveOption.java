package io.aestream.trainer.adaptive;

import io.aestream.adaptive.AdaptiveConfig;
import io.aestream.adaptive.AdaptiveConfigs;
import io.aestream.adaptive.AdaptiveDetector;
import io.aestream.adaptive.FineTuneWorker;
import io.aestream.bundle.ModelBundle;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The value of {@code --adaptive}, read exactly as the stream app reads {@code AESTREAM_ADAPTIVE}, so a backtest
 * runs the config the stream would: {@code off} → fixed scoring (empty); {@code on} → the config the bundle carries
 * in {@code model.hyperParameters.adaptive}, else {@link AdaptiveConfig#defaults()}; anything else → the path of a
 * JSON file holding an {@link AdaptiveConfig}.
 */
public final class AdaptiveOption {
    private AdaptiveOption() {
    }

    /** The config for {@code bundle}, empty for {@code off} or null; fails naming the option if it does not fit the bundle. */
    public static Optional<AdaptiveConfig> resolve(String value, ModelBundle bundle) {
        if (value == null || value.trim().equals("off")) {
            return Optional.empty();
        }
        String v = value.trim();
        AdaptiveConfig config = v.equals("on") ? carried(bundle) : fromFile(Path.of(v));
        try {
            AdaptiveDetector.forBundle(bundle, config, FineTuneWorker.inline());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--adaptive: " + e.getMessage(), e);
        }
        return Optional.of(config);
    }

    private static AdaptiveConfig carried(ModelBundle bundle) {
        try {
            return AdaptiveConfigs.carriedBy(bundle);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--adaptive on: " + e.getMessage(), e);
        }
    }

    private static AdaptiveConfig fromFile(Path file) {
        try {
            return AdaptiveConfigs.readFile(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("--adaptive: must be on, off or a JSON file with an adaptive config, got '"
                    + file + "' (" + e.getMessage() + ")", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--adaptive " + file + ": " + e.getMessage(), e);
        }
    }
}
