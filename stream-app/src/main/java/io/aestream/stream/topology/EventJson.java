package io.aestream.stream.topology;

import io.aestream.stream.message.EventMessage;
import io.aestream.stream.serde.JsonSerde;

/** Anomalies output: one {@link EventMessage} per event opened or closed (rare, so written through the mapper). */
final class EventJson implements OutputSerializer {

    @Override
    public void write(RecordResult result, ValueSink sink) {
        for (FrameEvent e : result.events()) {
            sink.accept(JsonSerde.write(EventMessage.of(e.event(), result.key(), e.modelVersion(), e.classification())), null);
        }
    }
}
