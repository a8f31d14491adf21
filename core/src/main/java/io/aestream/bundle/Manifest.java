package io.aestream.bundle;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.aestream.frame.FrameSpec;
import io.aestream.frame.TabularFrameSpec;
import io.aestream.scoring.FrameLikelihood;
import io.aestream.scoring.InputColumns;
import io.aestream.scoring.Normalizer;
import io.aestream.scoring.Threshold;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * {@code manifest.json}: everything needed to use, trust and reproduce a bundle.
 *
 * @param formatVersion      bundle format; readers reject versions they do not know
 * @param modelVersion       unique id of this model, carried in every streamed output
 * @param createdAt          training end time
 * @param model              kind, distribution and hyper-parameters
 * @param frameSpec          how records become frames
 * @param featureNames       one per model input
 * @param normalizer         fitted on training rows only
 * @param threshold          anomaly threshold and how it was chosen
 * @param metrics            training/validation figures (losses, score statistics)
 * @param seed               RNG seed of training
 * @param trainingDataSha256 SHA-256 over the training input files, in the order read
 * @param libraryVersions    e.g. deeplearning4j, java
 * @param files              every other file of the bundle → its SHA-256, checked at load
 * @param columns            tabular bundles: the column spec (types, monitored or context, scaling, constant
 *                           columns left out); absent in older bundles, which means every column monitored under
 *                           the model's distribution
 * @param classifier         classifier bundles only: the classes and the parent bundle; such a bundle has no
 *                           threshold (it names anomaly types, it does not flag frames)
 */
public record Manifest(int formatVersion, String modelVersion, Instant createdAt, ModelInfo model, FrameSpec frameSpec,
                       List<String> featureNames, Normalizer normalizer, Threshold threshold, Map<String, Double> metrics,
                       long seed, String trainingDataSha256, Map<String, String> libraryVersions, Map<String, String> files,
                       @JsonInclude(JsonInclude.Include.NON_NULL) InputColumns columns,
                       @JsonInclude(JsonInclude.Include.NON_NULL) ClassifierInfo classifier) {

    public static final int FORMAT_VERSION = 1;

    public Manifest {
        Objects.requireNonNull(modelVersion, "manifest modelVersion");
        Objects.requireNonNull(createdAt, "manifest createdAt");
        Objects.requireNonNull(model, "manifest model");
        Objects.requireNonNull(frameSpec, "manifest frameSpec");
        Objects.requireNonNull(normalizer, "manifest normalizer");
        if (threshold == null && classifier == null) {
            throw new IllegalArgumentException("manifest threshold: required for an anomaly model (only a classifier has none)");
        }
        featureNames = featureNames == null ? frameSpec.featureNames() : List.copyOf(featureNames);
        metrics = metrics == null ? Map.of() : new TreeMap<>(metrics);
        libraryVersions = libraryVersions == null ? Map.of() : new TreeMap<>(libraryVersions);
        files = files == null ? Map.of() : new TreeMap<>(files);
        if (featureNames.size() != frameSpec.inputSize()) {
            throw new IllegalArgumentException("manifest featureNames: expected " + frameSpec.inputSize()
                    + " names for the frame spec, found " + featureNames.size());
        }
        if (normalizer.size() != frameSpec.inputSize()) {
            throw new IllegalArgumentException("manifest normalizer: expected " + frameSpec.inputSize()
                    + " features, found " + normalizer.size());
        }
        if (columns != null && !(frameSpec instanceof TabularFrameSpec t && t.columns().equals(columns.names()))) {
            throw new IllegalArgumentException("manifest columns: the column spec " + columns.names()
                    + " must name the frame spec's columns in order, found "
                    + (frameSpec instanceof TabularFrameSpec t ? t.columns() : "a " + frameSpec.layout() + " frame spec"));
        }
    }

    /** Without a column spec (audio bundles, bundles written before column specs existed). */
    public Manifest(int formatVersion, String modelVersion, Instant createdAt, ModelInfo model, FrameSpec frameSpec,
                    List<String> featureNames, Normalizer normalizer, Threshold threshold, Map<String, Double> metrics,
                    long seed, String trainingDataSha256, Map<String, String> libraryVersions, Map<String, String> files) {
        this(formatVersion, modelVersion, createdAt, model, frameSpec, featureNames, normalizer, threshold, metrics, seed,
                trainingDataSha256, libraryVersions, files, null, null);
    }

    /** How each model input is scored: from the column spec, or every feature monitored under the model's distribution. */
    @JsonIgnore
    public FrameLikelihood likelihood() {
        return columns == null ? FrameLikelihood.uniform(model.distribution(), frameSpec.inputSize())
                : FrameLikelihood.of(model.distribution(), columns, frameSpec.inputSize());
    }

    /** A copy with the file checksums replaced (the writer fills them in last). */
    public Manifest withFiles(Map<String, String> newFiles) {
        return new Manifest(formatVersion, modelVersion, createdAt, model, frameSpec, featureNames, normalizer, threshold,
                metrics, seed, trainingDataSha256, libraryVersions, newFiles, columns, classifier);
    }

    /** A copy with another column spec. */
    public Manifest withColumns(InputColumns newColumns) {
        return new Manifest(formatVersion, modelVersion, createdAt, model, frameSpec, featureNames, normalizer, threshold,
                metrics, seed, trainingDataSha256, libraryVersions, files, newColumns, classifier);
    }

    /** A copy with another threshold (recalibration keeps the weights). */
    public Manifest withThreshold(Threshold newThreshold) {
        return new Manifest(formatVersion, modelVersion, createdAt, model, frameSpec, featureNames, normalizer, newThreshold,
                metrics, seed, trainingDataSha256, libraryVersions, files, columns, classifier);
    }

    /** A copy that is a classifier with {@code info} (no threshold). */
    public Manifest withClassifier(ClassifierInfo info) {
        return new Manifest(formatVersion, modelVersion, createdAt, model, frameSpec, featureNames, normalizer, null,
                metrics, seed, trainingDataSha256, libraryVersions, files, columns, Objects.requireNonNull(info, "classifier"));
    }
}
