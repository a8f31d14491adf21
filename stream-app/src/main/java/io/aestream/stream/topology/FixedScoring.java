package io.aestream.stream.topology;

import io.aestream.bundle.ModelBundle;
import io.aestream.scoring.FrameScore;
import io.aestream.scoring.Scorer;
import io.aestream.stream.metrics.StreamMetrics;

/**
 * The bundle's normalizer, network and threshold, the same for every key; no state. With {@code codes} each frame
 * also keeps a copy of the code h its scoring pass computed (the only allocation the codes output adds).
 */
final class FixedScoring implements FrameScoring {
    private final ModelBundle bundle;
    private final Scorer scorer;
    private final StreamMetrics metrics;
    private final boolean codes;

    FixedScoring(ModelBundle bundle, StreamMetrics metrics, boolean codes) {
        this.bundle = bundle;
        this.scorer = bundle.newScorer();
        this.metrics = metrics;
        this.codes = codes;
    }

    @Override
    public ScoredFrame score(String key, long ts, double[] rawFrame) {
        long t0 = System.nanoTime();
        FrameScore score = scorer.score(rawFrame);
        metrics.inference(System.nanoTime() - t0);
        return ScoredFrame.fixed(ts, score, bundle, rawFrame, codes ? scorer.code().clone() : null);
    }
}
