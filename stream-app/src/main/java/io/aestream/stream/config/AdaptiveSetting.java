package io.aestream.stream.config;

import io.aestream.adaptive.AdaptiveConfig;
import io.aestream.adaptive.AdaptiveConfigs;
import io.aestream.adaptive.AdaptiveDetector;
import io.aestream.adaptive.FineTuneWorker;
import io.aestream.bundle.ModelBundle;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * AESTREAM_ADAPTIVE: whether frames are scored by adaptive detection ({@link AdaptiveDetector}), and with which
 * {@link AdaptiveConfig}. {@code off} (the default) scores with the bundle's fixed normalizer and threshold and
 * keeps no adaptive state; {@code on} uses the config the bundle carries in {@code model.hyperParameters.adaptive},
 * else {@link AdaptiveConfig#defaults()}; a path names a JSON file holding the config, which wins over the bundle's.
 */
public sealed interface AdaptiveSetting {
    AdaptiveSetting OFF = new Off();
    AdaptiveSetting ON = new On();

    /** Fixed scoring. */
    record Off() implements AdaptiveSetting {
        @Override
        public Optional<AdaptiveConfig> configFor(ModelBundle bundle) {
            return Optional.empty();
        }
    }

    /** The bundle's adaptive config, else the defaults. */
    record On() implements AdaptiveSetting {
        @Override
        public Optional<AdaptiveConfig> configFor(ModelBundle bundle) {
            return Optional.of(AdaptiveConfigs.carriedBy(bundle));
        }
    }

    /** An explicit config read from {@code file}. */
    record FromFile(Path file, AdaptiveConfig config) implements AdaptiveSetting {
        public FromFile {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(config, "config");
        }

        @Override
        public Optional<AdaptiveConfig> configFor(ModelBundle bundle) {
            return Optional.of(config);
        }
    }

    /** The config this setting selects for {@code bundle}, unchecked; empty when off. */
    Optional<AdaptiveConfig> configFor(ModelBundle bundle);

    /**
     * The config to score {@code bundle} with, empty when off. Fails naming the setting when the config does not fit
     * the bundle (an audio layout, a min-max normalizer with rolling normalization, a malformed bundle config).
     */
    default Optional<AdaptiveConfig> resolve(ModelBundle bundle) {
        try {
            Optional<AdaptiveConfig> config = configFor(bundle);
            config.ifPresent(c -> AdaptiveDetector.forBundle(bundle, c, FineTuneWorker.inline()));
            return config;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Settings.ADAPTIVE + ": " + e.getMessage(), e);
        }
    }

    /** {@code off}, {@code on} or the path of a JSON file with an {@link AdaptiveConfig}. */
    static AdaptiveSetting parse(String value) {
        String v = value == null ? "" : value.trim();
        if (v.equals("off")) {
            return OFF;
        }
        if (v.equals("on")) {
            return ON;
        }
        Path file = Path.of(v);
        try {
            return new FromFile(file, AdaptiveConfigs.readFile(file));
        } catch (IOException e) {
            throw new IllegalArgumentException(Settings.ADAPTIVE + ": must be off, on or a JSON file with an adaptive config, got '"
                    + value + "' (" + e.getMessage() + ")", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Settings.ADAPTIVE + ": " + file + ": " + e.getMessage(), e);
        }
    }
}
