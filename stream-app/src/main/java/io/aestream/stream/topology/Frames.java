package io.aestream.stream.topology;

import java.util.List;

/**
 * What one input record became: the frames it completed, scored (none while a window fills, several for a long
 * PCM chunk), and for audio the denoised samples it finalized.
 *
 * @param scored       in frame order
 * @param denoisedAudio samples in [-1, 1] finalized by this record (audio layout); null for the tabular layouts
 */
record Frames(List<ScoredFrame> scored, double[] denoisedAudio) {
    static final Frames NONE = new Frames(List.of(), null);

    static Frames of(ScoredFrame frame) {
        return new Frames(List.of(frame), null);
    }
}
