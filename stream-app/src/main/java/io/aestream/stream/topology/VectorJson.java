package io.aestream.stream.topology;

import java.util.function.Function;

/**
 * Denoised output of the tabular layouts and the codes output: one {@link io.aestream.stream.message.DenoisedMessage}
 * per scored frame with the last {@code count} values of a vector of the frame. Denoised: of its reconstruction, in raw
 * units: the whole frame (vector layout), or the window's last row, the row that completed the frame (window layout).
 * Codes: the whole code h.
 */
final class VectorJson implements OutputSerializer {
    private final JsonWriter json = new JsonWriter();
    private final Function<ScoredFrame, double[]> vector;
    private final int count;

    VectorJson(Function<ScoredFrame, double[]> vector, int count) {
        this.vector = vector;
        this.count = count;
    }

    @Override
    public void write(RecordResult result, ValueSink sink) {
        for (ScoredFrame frame : result.frames().scored()) {
            double[] values = vector.apply(frame);
            sink.accept(json.object(g -> {
                g.writeNumberField("ts", frame.ts());
                g.writeStringField("key", result.key());
                g.writeStringField("modelVersion", frame.modelVersion());
                g.writeFieldName("values");
                g.writeArray(values, values.length - count, count);
            }), null);
        }
    }
}
