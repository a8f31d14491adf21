package io.aestream.trainer.eval;

import io.aestream.scoring.AnomalyEvent;
import io.aestream.scoring.EventDetector;
import io.aestream.scoring.EventState;

import java.util.Arrays;

/**
 * The anomaly events the stream emits for a series of flags, as rows: core's {@link EventDetector} replayed over the
 * flags in order, each event marking the rows from its first flagged row to its last (the span its messages report);
 * flags that never open an event mark nothing. Judged by {@link EventFigures}, this is what a user alerted by the
 * anomalies topic sees, beside the raw flags.
 */
public final class ServiceEvents {
    private ServiceEvents() {
    }

    /** {@code flags}: one series (a key, or a file), in order. */
    public static boolean[] rows(boolean[] flags, EventDetector detector) {
        boolean[] rows = new boolean[flags.length];
        EventState state = EventState.INITIAL;
        for (int t = 0; t < flags.length; t++) {
            EventDetector.Step step = detector.step(state, t, flags[t] ? 1 : 0, flags[t]);
            state = step.state();
            if (step.event() != null && step.event().phase() == AnomalyEvent.Phase.CLOSED) {
                Arrays.fill(rows, (int) step.event().start(), (int) step.event().end() + 1, true);
            }
        }
        if (state.open()) {
            Arrays.fill(rows, (int) state.runStart(), (int) state.lastAbove() + 1, true);
        }
        return rows;
    }
}
