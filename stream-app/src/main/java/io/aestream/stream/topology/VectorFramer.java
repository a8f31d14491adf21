package io.aestream.stream.topology;

import io.aestream.stream.input.FrameInput;

/** Vector layout: every record is a frame; nothing to remember between records. */
final class VectorFramer implements Framer {
    private final FrameScoring scoring;

    VectorFramer(FrameScoring scoring) {
        this.scoring = scoring;
    }

    @Override
    public Frames frame(String key, FrameInput input) {
        FrameInput.Row row = (FrameInput.Row) input;
        return Frames.of(scoring.score(key, row.ts(), row.values()));
    }
}
