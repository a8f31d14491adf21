package io.aestream.adaptive;

import com.fasterxml.jackson.core.type.TypeReference;
import io.aestream.bundle.Json;
import io.aestream.bundle.ModelBundle;
import io.aestream.scoring.InputColumns;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where an {@link AdaptiveConfig} comes from: the bundle ({@code model.hyperParameters.adaptive}) or a JSON file.
 * The stream app's {@code AESTREAM_ADAPTIVE} and the CLI's {@code --adaptive} both read configs through here, so a
 * backtest runs exactly the config the stream would.
 */
public final class AdaptiveConfigs {
    /** Where a bundle carries its adaptive config. */
    public static final String BUNDLE_KEY = "adaptive";

    private AdaptiveConfigs() {
    }

    /**
     * The config {@code bundle} carries, else the defaults for it: {@link AdaptiveConfig#defaultsWithContext()} when
     * some of its input columns are context (not monitored), {@link AdaptiveConfig#defaults()} otherwise.
     */
    public static AdaptiveConfig carriedBy(ModelBundle bundle) {
        Object carried = bundle.manifest().model().hyperParameters().get(BUNDLE_KEY);
        if (carried == null) {
            InputColumns columns = bundle.manifest().columns();
            boolean context = columns != null && columns.monitoredNames().size() < columns.names().size();
            return context ? AdaptiveConfig.defaultsWithContext() : AdaptiveConfig.defaults();
        }
        if (!(carried instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("bundle model.hyperParameters." + BUNDLE_KEY + ": expected an object, found " + carried);
        }
        try {
            return AdaptiveConfig.fromMap(Json.mapper().convertValue(map, new TypeReference<>() { }));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bundle model.hyperParameters." + BUNDLE_KEY + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a JSON config file.
     *
     * @throws IOException              when the file cannot be read or is not JSON
     * @throws IllegalArgumentException when the JSON is not a valid config (the message names the field)
     */
    public static AdaptiveConfig readFile(Path file) throws IOException {
        Map<String, Object> map = Json.mapper().readValue(file.toFile(), new TypeReference<>() { });
        return AdaptiveConfig.fromMap(map);
    }
}
