package io.aestream.stream.topology;

import io.aestream.bundle.ModelBundle;
import io.aestream.frame.AudioFrameSpec;
import io.aestream.frame.FrameSpec;
import io.aestream.frame.TabularFrameSpec;
import io.aestream.stream.config.Output;
import org.apache.kafka.common.header.Headers;

/**
 * One output's record values for one input record's result: none, one per scored frame, or one per event. An
 * instance belongs to one stream task (it may reuse buffers between calls).
 */
@FunctionalInterface
interface OutputSerializer {

    void write(RecordResult result, ValueSink sink);

    /** Receives each value; {@code headers} may be null (none). */
    @FunctionalInterface
    interface ValueSink {
        void accept(byte[] value, Headers headers);
    }

    /**
     * The serializer of {@code output} for {@code bundle}'s layout. The exhaustive switch is the list of outputs: a
     * new {@link Output} constant does not compile until it has its serializer here.
     */
    static OutputSerializer of(Output output, ModelBundle bundle, int topFeatures) {
        FrameSpec spec = bundle.manifest().frameSpec();
        return switch (output) {
            case SCORES -> new ScoreJson(bundle.manifest().featureNames(), topFeatures);
            case DENOISED -> spec instanceof AudioFrameSpec audio ? new DenoisedPcm(audio.sampleRate())
                    : new DenoisedJson(((TabularFrameSpec) spec).columns().size());
            case ANOMALIES -> new EventJson();
        };
    }
}
