package io.aestream.stream.topology;

import io.aestream.bundle.ModelBundle;
import io.aestream.frame.AudioFrameSpec;
import io.aestream.frame.FrameSpec;
import io.aestream.frame.TabularFrameSpec;
import io.aestream.stream.config.Output;
import io.aestream.stream.config.OutputFormat;
import org.apache.kafka.common.header.Headers;

import java.util.function.Function;

/**
 * One output's record values for one input record's result: none, one per scored frame, or one per event. An
 * instance belongs to one stream task (it may reuse buffers between calls). Audio's denoised PCM and the events are
 * the same in either output format.
 */
@FunctionalInterface
interface OutputSerializer {
    /** The denoised values of a tabular frame: the tail of its reconstruction. */
    Function<ScoredFrame, double[]> DENOISED_VALUES = f -> f.score().reconstruction();

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
    static OutputSerializer of(Output output, OutputFormat format, ModelBundle bundle, int topFeatures) {
        FrameSpec spec = bundle.manifest().frameSpec();
        boolean binary = format == OutputFormat.BINARY;
        return switch (output) {
            case SCORES -> binary ? new ScoreBinary(topFeatures) : new ScoreJson(bundle.manifest().featureNames(), topFeatures);
            case DENOISED -> spec instanceof AudioFrameSpec audio ? new DenoisedPcm(audio.sampleRate())
                    : binary ? new VectorBinary(DENOISED_VALUES, columns(spec)) : new VectorJson(DENOISED_VALUES, columns(spec));
            case ANOMALIES -> new EventJson();
            case CODES -> binary ? new VectorBinary(ScoredFrame::code, bundle.network().codeSize())
                    : new VectorJson(ScoredFrame::code, bundle.network().codeSize());
        };
    }

    private static int columns(FrameSpec spec) {
        return ((TabularFrameSpec) spec).columns().size();
    }
}
