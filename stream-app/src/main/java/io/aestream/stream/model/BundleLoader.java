package io.aestream.stream.model;

import io.aestream.bundle.BundleFormatException;
import io.aestream.bundle.BundleIO;
import io.aestream.bundle.ModelBundle;
import io.aestream.frame.AudioFrameSpec;
import io.aestream.stream.config.Settings;
import io.aestream.stream.config.StreamConfig;

import java.nio.file.Path;

/**
 * Reads the configured bundles at start: the anomaly model (AESTREAM_MODEL_PATH) and the optional classifier
 * (AESTREAM_CLASSIFIER_PATH), checked against each other. Whatever does not fit is a configuration error naming the
 * setting, raised before the app connects to Kafka.
 */
public final class BundleLoader {
    private BundleLoader() {
    }

    /** @throws IllegalArgumentException naming the setting whose bundle cannot be read or does not fit */
    public static ModelHolder load(StreamConfig config) {
        ModelBundle model = read(Settings.MODEL_PATH, config.modelPath());
        if (model.isClassifier()) {
            throw new IllegalArgumentException(Settings.MODEL_PATH + ": bundle " + model.version() + " is a classifier; set it"
                    + " as " + Settings.CLASSIFIER_PATH + " beside the anomaly model it was pre-trained from");
        }
        if (config.classifierPath() == null) {
            return ModelHolder.of(model);
        }
        ModelBundle classifier = read(Settings.CLASSIFIER_PATH, config.classifierPath());
        if (!classifier.isClassifier()) {
            throw new IllegalArgumentException(Settings.CLASSIFIER_PATH + ": bundle " + classifier.version()
                    + " is an anomaly model, not a classifier (train one with train --kind classifier)");
        }
        if (model.manifest().frameSpec() instanceof AudioFrameSpec) {
            throw new IllegalArgumentException(Settings.CLASSIFIER_PATH + ": classifiers run on the vector and window layouts,"
                    + " the model " + model.version() + " frames audio");
        }
        try {
            classifier.requireCompatibleWith(model);
        } catch (BundleFormatException e) {
            throw new IllegalArgumentException(Settings.CLASSIFIER_PATH + ": " + e.getMessage(), e);
        }
        return ModelHolder.of(model, classifier);
    }

    private static ModelBundle read(String setting, Path path) {
        try {
            return BundleIO.read(path);
        } catch (BundleFormatException e) {
            throw new IllegalArgumentException(setting + ": " + e.getMessage(), e);
        }
    }
}
