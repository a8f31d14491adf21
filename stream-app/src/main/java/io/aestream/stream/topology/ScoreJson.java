package io.aestream.stream.topology;

import com.fasterxml.jackson.core.JsonGenerator;
import io.aestream.scoring.FrameScore;

import java.io.IOException;
import java.util.List;

/**
 * Scores output: one {@link io.aestream.stream.message.ScoreMessage} per scored frame; {@code class} and
 * {@code class_probability} follow only on classified (flagged, with a classifier) frames.
 */
final class ScoreJson implements OutputSerializer {
    private final JsonWriter json = new JsonWriter();
    private final List<String> featureNames;
    private final int topFeatures;

    ScoreJson(List<String> featureNames, int topFeatures) {
        this.featureNames = featureNames;
        this.topFeatures = topFeatures;
    }

    @Override
    public void write(RecordResult result, ValueSink sink) {
        for (ScoredFrame frame : result.frames().scored()) {
            sink.accept(json.object(g -> fields(g, result.key(), frame)), null);
        }
    }

    private void fields(JsonGenerator g, String key, ScoredFrame frame) throws IOException {
        FrameScore score = frame.score();
        g.writeNumberField("ts", frame.ts());
        g.writeStringField("key", key);
        g.writeNumberField("score", score.score());
        if (frame.likelihood() == null) {
            g.writeNullField("likelihood");
        } else {
            g.writeNumberField("likelihood", frame.likelihood());
        }
        g.writeNumberField("threshold", frame.threshold());
        g.writeBooleanField("anomaly", frame.anomaly());
        g.writeStringField("modelVersion", frame.modelVersion());
        g.writeArrayFieldStart("topFeatures");
        for (int i : score.topFeatures(topFeatures)) {
            g.writeStartObject();
            g.writeStringField("name", featureNames.get(i));
            g.writeNumberField("error", score.featureErrors()[i]);
            g.writeEndObject();
        }
        g.writeEndArray();
        if (frame.classification() != null) {
            g.writeStringField("class", frame.classification().label());
            g.writeNumberField("class_probability", frame.classification().probability());
        }
    }
}
