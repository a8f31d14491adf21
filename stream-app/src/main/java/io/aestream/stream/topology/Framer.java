package io.aestream.stream.topology;

import io.aestream.bundle.ModelBundle;
import io.aestream.frame.AudioFrameSpec;
import io.aestream.frame.FrameSpec;
import io.aestream.frame.VectorFrameSpec;
import io.aestream.frame.WindowFrameSpec;
import io.aestream.scoring.Scorer;
import io.aestream.stream.input.FrameInput;
import io.aestream.stream.metrics.StreamMetrics;
import org.apache.kafka.streams.processor.api.ProcessingContext;

/**
 * One layout's framing: turns a key's decoded inputs into scored frames, keeping whatever must survive between
 * records (window ring, STFT overlap) in that layout's state store, and hands results to the {@link FrameEmitter}.
 */
interface Framer {

    void accept(String key, FrameInput input, FrameEmitter out);

    /** The framer for {@code bundle}'s layout, with its own scorer; its state stores come from {@code ctx}. */
    static Framer create(ModelBundle bundle, ProcessingContext ctx, StreamMetrics metrics) {
        FrameSpec spec = bundle.manifest().frameSpec();
        Scorer scorer = bundle.newScorer();
        if (spec instanceof VectorFrameSpec) {
            return new VectorFramer(scorer, metrics);
        }
        if (spec instanceof WindowFrameSpec window) {
            return new WindowFramer(window, scorer, ctx.getStateStore(TopologyFactory.WINDOW_STORE), metrics);
        }
        return new AudioFramer((AudioFrameSpec) spec, scorer, ctx.getStateStore(TopologyFactory.AUDIO_STORE), metrics);
    }
}
