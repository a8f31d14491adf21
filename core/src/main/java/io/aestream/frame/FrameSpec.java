package io.aestream.frame;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.List;

/**
 * How input records become the fixed-width frames a model sees. Stored in the bundle, so the trainer, the
 * offline CLI and the stream app frame data the same way.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "layout")
@JsonSubTypes({
        @JsonSubTypes.Type(value = VectorFrameSpec.class, name = "vector"),
        @JsonSubTypes.Type(value = WindowFrameSpec.class, name = "window"),
        @JsonSubTypes.Type(value = AudioFrameSpec.class, name = "audio")
})
public sealed interface FrameSpec permits TabularFrameSpec, AudioFrameSpec {

    /** Model input width. */
    @JsonIgnore
    int inputSize();

    /** Model output width: the input width for an autoencoder, the gains per band for an audio mask model. */
    @JsonIgnore
    default int outputSize() {
        return inputSize();
    }

    /** One name per model input, for top-feature reports. */
    @JsonIgnore
    List<String> featureNames();

    /** Short layout name as used in CLI options and metric tags: vector, window or audio. */
    @JsonIgnore
    String layout();

    static void requireColumns(List<String> columns) {
        if (columns == null || columns.isEmpty()) {
            throw new IllegalArgumentException("columns: at least one column is required");
        }
        if (columns.stream().distinct().count() != columns.size()) {
            throw new IllegalArgumentException("columns: duplicate names in " + columns);
        }
        for (String c : columns) {
            if (c == null || c.isBlank()) {
                throw new IllegalArgumentException("columns: blank column name in " + columns);
            }
        }
    }
}
