package io.aestream.stream.topology;

import io.aestream.bundle.ModelBundle;
import io.aestream.scoring.Classification;
import io.aestream.scoring.FrameScore;

/**
 * One scored frame as the outputs need it, whichever way it was scored.
 *
 * @param ts             the frame's timestamp (ms)
 * @param score          score, per-feature errors and reconstruction (raw units)
 * @param threshold      the score threshold in force for this frame
 * @param anomaly        the frame's flag (drives events)
 * @param likelihood     anomaly likelihood in [0, 1]; null for fixed scoring
 * @param modelVersion   the version that scored it: the bundle's, or with adaptive fine-tuning its sub-version
 * @param frame          the raw frame that was scored (the bundle's feature order); null for audio
 * @param code           the code h the scoring pass computed; null unless the codes output is selected
 * @param classification the anomaly type the classifier names; null for unflagged frames or without a classifier
 */
record ScoredFrame(long ts, FrameScore score, double threshold, boolean anomaly, Double likelihood, String modelVersion,
                   double[] frame, double[] code, Classification classification) {

    /** Without the raw frame, code or class. */
    ScoredFrame(long ts, FrameScore score, double threshold, boolean anomaly, Double likelihood, String modelVersion) {
        this(ts, score, threshold, anomaly, likelihood, modelVersion, null, null, null);
    }

    /** {@code score} of {@code frame} judged by {@code bundle}'s fixed threshold. */
    static ScoredFrame fixed(long ts, FrameScore score, ModelBundle bundle, double[] frame, double[] code) {
        return new ScoredFrame(ts, score, bundle.manifest().threshold().value(),
                bundle.manifest().threshold().exceededBy(score.score()), null, bundle.version(), frame, code, null);
    }

    ScoredFrame classified(Classification c) {
        return new ScoredFrame(ts, score, threshold, anomaly, likelihood, modelVersion, frame, code, c);
    }
}
