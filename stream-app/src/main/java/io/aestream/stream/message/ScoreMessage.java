package io.aestream.stream.message;

import java.util.List;

/**
 * A value on the scores topic: one per scored frame.
 *
 * @param ts          the frame's timestamp (epoch ms): its last row, or for audio its last sample
 * @param score       mean per-feature reconstruction NLL, in normalized units
 * @param anomaly     {@code score > threshold}
 * @param topFeatures the features with the largest reconstruction error, largest first
 */
public record ScoreMessage(long ts, String key, double score, double threshold, boolean anomaly, String modelVersion,
                           List<FeatureError> topFeatures) {

    public record FeatureError(String name, double error) { }
}
