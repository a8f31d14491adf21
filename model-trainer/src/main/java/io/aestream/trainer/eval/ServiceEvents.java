package io.aestream.trainer.eval;

import io.aestream.scoring.AnomalyEvent;
import io.aestream.scoring.EventDetector;
import io.aestream.scoring.EventState;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The anomaly events the stream emits for a series of flags, as rows: core's {@link EventDetector} replayed over the
 * flags in order, each event marking the rows from its first flagged row to its last (the span its messages report);
 * flags that never open an event mark nothing. Judged by {@link EventFigures}, this is what a user alerted by the
 * anomalies topic sees, beside the raw flags; {@link #alertDelays} says how late the alert comes.
 */
public final class ServiceEvents {
    private ServiceEvents() {
    }

    /**
     * One event: the rows it marks, {@code [start, end]}, and the row at which it opened — when the anomalies topic
     * sends its first message, {@code openAfter − 1} rows after {@code start}.
     */
    public record Event(int start, int end, int openedAt) {
    }

    /** {@code flags}: one series (a key, or a file), in order. */
    public static boolean[] rows(boolean[] flags, EventDetector detector) {
        return marked(flags.length, events(flags, detector));
    }

    /** The rows of a series of {@code length} rows that {@code events} mark. */
    public static boolean[] marked(int length, List<Event> events) {
        boolean[] rows = new boolean[length];
        for (Event e : events) {
            Arrays.fill(rows, e.start(), e.end() + 1, true);
        }
        return rows;
    }

    /** The events of one series, in order; one still open at the end ends at its last flagged row. */
    public static List<Event> events(boolean[] flags, EventDetector detector) {
        List<Event> events = new ArrayList<>();
        EventState state = EventState.INITIAL;
        int openedAt = -1;
        for (int t = 0; t < flags.length; t++) {
            EventDetector.Step step = detector.step(state, t, flags[t] ? 1 : 0, flags[t]);
            state = step.state();
            if (step.event() == null) {
                continue;
            }
            if (step.event().phase() == AnomalyEvent.Phase.OPENED) {
                openedAt = t;
            } else {
                events.add(new Event((int) step.event().start(), (int) step.event().end(), openedAt));
            }
        }
        if (state.open()) {
            events.add(new Event((int) state.runStart(), (int) state.lastAbove(), openedAt));
        }
        return events;
    }

    /**
     * Per labelled sequence that an event marks, the rows from the sequence's first row to the opening of the first
     * event that marks it (0 when that event opened earlier): the alert's delay, in rows. Sequences no event marks
     * are left out (they are the misses {@link EventFigures} counts).
     */
    public static int[] alertDelays(List<Event> events, boolean[] labels) {
        List<Integer> delays = new ArrayList<>();
        for (Span q : Span.runs(labels)) {
            events.stream().filter(e -> e.start() < q.end() && e.end() >= q.start()).findFirst()
                    .ifPresent(e -> delays.add(Math.max(0, e.openedAt() - q.start())));
        }
        return delays.stream().mapToInt(Integer::intValue).toArray();
    }
}
