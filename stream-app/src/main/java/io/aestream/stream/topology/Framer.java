package io.aestream.stream.topology;

import io.aestream.bundle.ModelBundle;
import io.aestream.frame.AudioFrameSpec;
import io.aestream.frame.FrameSpec;
import io.aestream.frame.VectorFrameSpec;
import io.aestream.frame.WindowFrameSpec;
import io.aestream.stream.input.FrameInput;
import io.aestream.stream.metrics.StreamMetrics;
import org.apache.kafka.streams.processor.api.ProcessingContext;

/**
 * One layout's framing: turns a key's decoded input into the frames it completes, scored, keeping whatever must
 * survive between records (window ring, STFT overlap) in that layout's state store.
 */
interface Framer {

    Frames frame(String key, FrameInput input);

    /**
     * The framer for {@code bundle}'s layout; vector and window frames go to {@code scoring}, audio frames are scored
     * inside the STFT framing with the bundle's fixed scorer (keeping each frame's code when {@code codes}). Its state
     * stores come from {@code ctx}.
     */
    static Framer create(ModelBundle bundle, ProcessingContext ctx, StreamMetrics metrics, FrameScoring scoring, boolean codes) {
        FrameSpec spec = bundle.manifest().frameSpec();
        if (spec instanceof VectorFrameSpec) {
            return new VectorFramer(scoring);
        }
        if (spec instanceof WindowFrameSpec window) {
            return new WindowFramer(window, scoring, ctx.getStateStore(TopologyFactory.WINDOW_STORE));
        }
        return new AudioFramer((AudioFrameSpec) spec, bundle, ctx.getStateStore(TopologyFactory.AUDIO_STORE), metrics, codes);
    }
}
