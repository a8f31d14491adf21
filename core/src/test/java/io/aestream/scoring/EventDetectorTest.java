package io.aestream.scoring;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class EventDetectorTest {

    private static List<AnomalyEvent> run(EventDetector d, boolean... flags) {
        EventState s = EventState.INITIAL;
        List<AnomalyEvent> events = new ArrayList<>();
        for (int t = 0; t < flags.length; t++) {
            EventDetector.Step step = d.step(s, t * 1000L, flags[t] ? 10 + t : 0.1, flags[t]);
            s = step.state();
            if (step.event() != null) {
                events.add(step.event());
            }
        }
        return events;
    }

    @Test
    void shouldOpenAfterNConsecutiveFlagsAndCloseAfterMClearFrames() {
        List<AnomalyEvent> events = run(new EventDetector(2, 3),
                false, true, true, true, false, true, false, false, false, false);
        assertThat(events).hasSize(2);
        AnomalyEvent open = events.get(0);
        assertThat(open.phase()).isEqualTo(AnomalyEvent.Phase.OPENED);
        assertThat(open.start()).isEqualTo(1000);
        assertThat(open.end()).isEqualTo(-1);
        AnomalyEvent closed = events.get(1);
        assertThat(closed.phase()).isEqualTo(AnomalyEvent.Phase.CLOSED);
        assertThat(closed.start()).isEqualTo(1000);
        assertThat(closed.end()).isEqualTo(5000);
        assertThat(closed.durationMs()).isEqualTo(4000);
        assertThat(closed.peak()).isEqualTo(15);
        assertThat(closed.peakTs()).isEqualTo(5000);
        assertThat(closed.frames()).isEqualTo(5);
    }

    @Test
    void shouldIgnoreIsolatedFlagsShorterThanOpenAfter() {
        assertThat(run(new EventDetector(3, 1), true, true, false, true, false, true, true)).isEmpty();
    }

    @Test
    void shouldRejectNonPositiveHysteresis() {
        assertThatThrownBy(() -> new EventDetector(0, 1)).hasMessage("openAfter: must be >= 1, got 0");
        assertThatThrownBy(() -> new EventDetector(1, -2)).hasMessage("closeAfter: must be >= 1, got -2");
    }

    @Test
    void shouldCarryTheMeanClassProbabilitiesOfTheFlaggedFramesOnlyWhenFramesAreClassified() {
        // Given open after 2, close after 2, and the flagged frames classified [a, b] as below
        EventDetector d = new EventDetector(2, 2);
        double[][] probs = {null, {0.9, 0.1}, {0.7, 0.3}, null, {0.2, 0.8}, null, null};
        boolean[] flags = {false, true, true, false, true, false, false};
        EventState s = EventState.INITIAL;
        List<AnomalyEvent> events = new ArrayList<>();
        for (int t = 0; t < flags.length; t++) {
            EventDetector.Step step = d.step(s, t, flags[t] ? 5 : 0, flags[t], probs[t]);
            s = step.state();
            if (step.event() != null) {
                events.add(step.event());
            }
        }
        // Then the opened event has the mean of its opening run, the closed one that of all three flagged frames
        assertThat(events).extracting(AnomalyEvent::phase).containsExactly(AnomalyEvent.Phase.OPENED, AnomalyEvent.Phase.CLOSED);
        assertThat(events.get(0).classProbabilities()).containsExactly(new double[] {0.8, 0.2}, within(1e-12));
        assertThat(events.get(1).classProbabilities()).containsExactly(new double[] {0.6, 0.4}, within(1e-12));
        assertThat(s).isEqualTo(EventState.INITIAL);
        // And without probabilities the events carry none
        assertThat(run(new EventDetector(1, 1), true, false)).allSatisfy(e -> assertThat(e.classProbabilities()).isNull());
    }

    @Test
    void shouldDropTheSumsOfARunThatEndsBeforeOpening() {
        EventDetector d = new EventDetector(3, 1);
        EventState s = d.step(EventState.INITIAL, 0, 5, true, new double[] {1, 0}).state();
        assertThat(s.classSums()).containsExactly(1, 0);
        assertThat(d.step(s, 1, 0, false, null).state()).isEqualTo(EventState.INITIAL);
    }
}
