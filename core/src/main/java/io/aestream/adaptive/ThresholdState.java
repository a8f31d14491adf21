package io.aestream.adaptive;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * One key's adaptive threshold, as {@link AdaptiveDetector} steps it for every frame: first {@link #observe} the
 * new score (what the threshold is compared with may be a transform of it, e.g. a smoothed score), then read
 * {@link #threshold} and {@link #exceeded}, then {@link #learn} the outcome. Mutable; written into the adaptive
 * state after a tag byte naming the kind.
 */
public sealed interface ThresholdState permits QuantileThresholdState, SpotThresholdState, DynamicThresholdState {

    /** Takes the frame's score; must be called once per frame before the other calls. */
    void observe(double score);

    /** Whether the state has learned enough to judge; until then the detector uses the bundle's threshold. */
    boolean ready();

    /** The threshold in force for the observed frame, in score units (NaN while not ready). */
    double threshold();

    /** Whether the observed frame is above the threshold (false while not ready). */
    boolean exceeded();

    /** Learns the observed frame, told whether it was finally flagged (kinds that must not learn anomalies skip it). */
    void learn(boolean flagged);

    /** The kind's tag in the adaptive state's bytes. */
    byte tag();

    void writeTo(DataOutput out) throws IOException;

    /** Writes the kind's tag, then the state. */
    static void write(DataOutput out, ThresholdState s) throws IOException {
        out.writeByte(s.tag());
        s.writeTo(out);
    }

    static ThresholdState read(DataInput in) throws IOException {
        byte tag = in.readByte();
        return switch (tag) {
            case QuantileThresholdState.TAG -> QuantileThresholdState.readFrom(in);
            case SpotThresholdState.TAG -> SpotThresholdState.readFrom(in);
            case DynamicThresholdState.TAG -> DynamicThresholdState.readFrom(in);
            default -> throw new IllegalArgumentException("adaptive state: unknown threshold kind " + tag);
        };
    }
}
