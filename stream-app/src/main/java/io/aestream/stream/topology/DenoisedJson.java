package io.aestream.stream.topology;

/**
 * Denoised output of the tabular layouts: one {@link io.aestream.stream.message.DenoisedMessage} per scored frame
 * with the last {@code columns} values of its reconstruction, in raw units: the whole frame (vector layout), or the
 * window's last row, the row that completed the frame (window layout).
 */
final class DenoisedJson implements OutputSerializer {
    private final JsonWriter json = new JsonWriter();
    private final int columns;

    DenoisedJson(int columns) {
        this.columns = columns;
    }

    @Override
    public void write(RecordResult result, ValueSink sink) {
        for (ScoredFrame frame : result.frames().scored()) {
            double[] rec = frame.score().reconstruction();
            sink.accept(json.object(g -> {
                g.writeNumberField("ts", frame.ts());
                g.writeStringField("key", result.key());
                g.writeStringField("modelVersion", frame.modelVersion());
                g.writeFieldName("values");
                g.writeArray(rec, rec.length - columns, columns);
            }), null);
        }
    }
}
