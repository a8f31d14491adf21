package io.aestream.stream.message;

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
 */
public record ScoreMessage(long ts, String key, double score, Double likelihood, double threshold, boolean anomaly,
                           String modelVersion, List<FeatureError> topFeatures) {

    public record FeatureError(String name, double error) { }
}
