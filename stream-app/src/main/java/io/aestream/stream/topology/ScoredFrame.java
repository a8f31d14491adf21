package io.aestream.stream.topology;

import io.aestream.bundle.ModelBundle;
import io.aestream.scoring.FrameScore;

/**
 * One scored frame as the outputs need it, whichever way it was scored.
 *
 * @param ts           the frame's timestamp (ms)
 * @param score        score, per-feature errors and reconstruction (raw units)
 * @param threshold    the score threshold in force for this frame
 * @param anomaly      the frame's flag (drives events)
 * @param likelihood   anomaly likelihood in [0, 1]; null for fixed scoring
 * @param modelVersion the version that scored it: the bundle's, or with adaptive fine-tuning its sub-version
 */
record ScoredFrame(long ts, FrameScore score, double threshold, boolean anomaly, Double likelihood, String modelVersion) {

    /** {@code score} judged by {@code bundle}'s fixed threshold. */
    static ScoredFrame fixed(long ts, FrameScore score, ModelBundle bundle) {
        return new ScoredFrame(ts, score, bundle.manifest().threshold().value(),
                bundle.manifest().threshold().exceededBy(score.score()), null, bundle.version());
    }
}
