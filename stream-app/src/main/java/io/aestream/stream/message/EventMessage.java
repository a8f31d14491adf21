package io.aestream.stream.message;

import io.aestream.scoring.AnomalyEvent;

import java.util.Locale;

/**
 * A value on the anomalies topic: an event opening (end and durationMs null) or closing.
 *
 * @param phase  "opened" or "closed"
 * @param start  timestamp of the first flagged frame (ms)
 * @param end    timestamp of the last flagged frame, once closed
 * @param frames frames from start to the last flagged frame (opened: the flagged run that opened it)
 */
public record EventMessage(String phase, String key, String modelVersion, long start, Long end, double peakScore, long peakTs,
                           Long durationMs, long frames) {

    public static EventMessage of(AnomalyEvent e, String key, String modelVersion) {
        boolean closed = e.phase() == AnomalyEvent.Phase.CLOSED;
        return new EventMessage(e.phase().name().toLowerCase(Locale.ROOT), key, modelVersion, e.start(),
                closed ? e.end() : null, e.peak(), e.peakTs(), closed ? e.durationMs() : null, e.frames());
    }
}
