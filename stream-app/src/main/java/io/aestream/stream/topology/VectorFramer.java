package io.aestream.stream.topology;

import io.aestream.scoring.FrameScore;
import io.aestream.scoring.Scorer;
import io.aestream.stream.input.FrameInput;
import io.aestream.stream.metrics.StreamMetrics;

/** Vector layout: every record is a frame; nothing to remember between records. */
final class VectorFramer implements Framer {
    private final Scorer scorer;
    private final StreamMetrics metrics;

    VectorFramer(Scorer scorer, StreamMetrics metrics) {
        this.scorer = scorer;
        this.metrics = metrics;
    }

    @Override
    public void accept(String key, FrameInput input, FrameEmitter out) {
        FrameInput.Row row = (FrameInput.Row) input;
        long t0 = System.nanoTime();
        FrameScore score = scorer.score(row.values());
        metrics.inference(System.nanoTime() - t0);
        out.scored(row.ts(), score);
        out.denoised(row.ts(), score.reconstruction());
    }
}
