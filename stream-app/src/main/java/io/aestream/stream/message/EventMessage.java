package io.aestream.stream.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.aestream.scoring.AnomalyEvent;
import io.aestream.scoring.Classification;

import java.util.Locale;

/**
 * A value on the anomalies topic: an event opening (end and durationMs null) or closing.
 *
 * @param phase  "opened" or "closed"
 * @param start  timestamp of the first flagged frame (ms)
 * @param end    timestamp of the last flagged frame, once closed
 * @param frames frames from start to the last flagged frame (opened: the flagged run that opened it)
 * @param className        {@code class}, with AESTREAM_CLASSIFIER_PATH: the class of the mean class probabilities over
 *                         the event's flagged frames so far; absent without a classifier
 * @param classProbability {@code class_probability}: that mean probability; absent with it
 */
public record EventMessage(String phase, String key, String modelVersion, long start, Long end, double peakScore, long peakTs,
                           Long durationMs, long frames,
                           @JsonProperty("class") @JsonInclude(JsonInclude.Include.NON_NULL) String className,
                           @JsonProperty("class_probability") @JsonInclude(JsonInclude.Include.NON_NULL) Double classProbability) {

    /** {@code classification} may be null (no classifier). */
    public static EventMessage of(AnomalyEvent e, String key, String modelVersion, Classification classification) {
        boolean closed = e.phase() == AnomalyEvent.Phase.CLOSED;
        return new EventMessage(e.phase().name().toLowerCase(Locale.ROOT), key, modelVersion, e.start(),
                closed ? e.end() : null, e.peak(), e.peakTs(), closed ? e.durationMs() : null, e.frames(),
                classification == null ? null : classification.label(),
                classification == null ? null : classification.probability());
    }
}
