package io.aestream.stream.topology;

import io.aestream.stream.input.FrameInput;

/** Vector layout: every record is a frame; nothing to remember between records. */
final class VectorFramer implements Framer {
    private final FrameScoring scoring;

    VectorFramer(FrameScoring scoring) {
        this.scoring = scoring;
    }

    @Override
    public void accept(String key, FrameInput input, FrameEmitter out) {
        FrameInput.Row row = (FrameInput.Row) input;
        ScoredFrame frame = scoring.score(key, row.ts(), row.values());
        out.scored(frame);
        out.denoised(frame, frame.score().reconstruction());
    }
}
