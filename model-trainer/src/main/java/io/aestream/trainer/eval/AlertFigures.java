package io.aestream.trainer.eval;

import io.aestream.scoring.EventDetector;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The events the stream would emit for a series of flags ({@link ServiceEvents}), judged as the user receives them:
 * their event figures, and per labelled sequence an event marks, the rows from its start to the alert
 * ({@link ServiceEvents#alertDelays}) — what a longer open-after buys in false events, it costs here.
 */
public record AlertFigures(EventFigures events, int[] delays) {

    public static AlertFigures of(boolean[] flags, boolean[] labels, EventDetector detector) {
        return of(ServiceEvents.events(flags, detector), labels);
    }

    /** The events of one series, already replayed ({@link ServiceEvents#events}), judged against its labels. */
    public static AlertFigures of(List<ServiceEvents.Event> events, boolean[] labels) {
        return new AlertFigures(EventFigures.of(ServiceEvents.marked(labels.length, events), labels),
                ServiceEvents.alertDelays(events, labels));
    }

    /** Several series (files, keys) together: their figures summed, their delays pooled. */
    public static AlertFigures sum(List<AlertFigures> parts) {
        return new AlertFigures(EventFigures.sum(parts.stream().map(AlertFigures::events).toList()),
                parts.stream().flatMapToInt(p -> IntStream.of(p.delays())).toArray());
    }

    /** The median delay in rows; NaN when no sequence was alerted. */
    public double medianDelay() {
        if (delays.length == 0) {
            return Double.NaN;
        }
        int[] d = delays.clone();
        Arrays.sort(d);
        int mid = d.length / 2;
        return d.length % 2 == 1 ? d[mid] : (d[mid - 1] + d[mid]) / 2.0;
    }
}
