package io.aestream.stream.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * A value on the scores topic: one per scored frame.
 *
 * @param ts           the frame's timestamp (epoch ms): its last row, or for audio its last sample
 * @param score        mean per-feature reconstruction NLL, in normalized units (rolling-normalized when adaptive)
 * @param likelihood   anomaly likelihood in [0, 1] when AESTREAM_ADAPTIVE is on; null otherwise
 * @param threshold    the score threshold in force: the bundle's, or when adaptive the key's quantile threshold
 * @param anomaly      the frame's flag: {@code score > threshold}, or when adaptive per the config's flag rule
 * @param modelVersion the version that scored the frame; {@code <bundle>+ft<k>} after k accepted fine-tunes
 * @param topFeatures  the features with the largest reconstruction error, largest first
 * @param className    {@code class}: the anomaly type the classifier names, on flagged frames when
 *                     AESTREAM_CLASSIFIER_PATH is set; absent otherwise
 * @param classProbability {@code class_probability}: the classifier's probability of that class; absent with it
 */
public record ScoreMessage(long ts, String key, double score, Double likelihood, double threshold, boolean anomaly,
                           String modelVersion, List<FeatureError> topFeatures,
                           @JsonProperty("class") @JsonInclude(JsonInclude.Include.NON_NULL) String className,
                           @JsonProperty("class_probability") @JsonInclude(JsonInclude.Include.NON_NULL) Double classProbability) {

    /** An unclassified frame. */
    public ScoreMessage(long ts, String key, double score, Double likelihood, double threshold, boolean anomaly,
                        String modelVersion, List<FeatureError> topFeatures) {
        this(ts, key, score, likelihood, threshold, anomaly, modelVersion, topFeatures, null, null);
    }

    public record FeatureError(String name, double error) { }
}
