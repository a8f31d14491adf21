package io.aestream.scoring;

import io.aestream.frame.AudioFeature;
import io.aestream.frame.AudioFrameSpec;
import io.aestream.frame.VectorFrameSpec;
import io.aestream.frame.WindowFrameSpec;
import io.aestream.frame.WindowFunction;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

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
    void aCountSettingIsAutoOrANumber() {
        assertThat(EventDetector.count("auto")).isEmpty();
        assertThat(EventDetector.count(" 7 ")).hasValue(7);
        assertThatThrownBy(() -> EventDetector.count("soon")).isInstanceOf(NumberFormatException.class);
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

    @Test
    void shouldKeepAnEventOpenByDefaultWhileTheFramesAfterItsLastFlagStillHoldItsRows() {
        List<String> cols = List.of("a", "b");
        assertThat(EventDetector.defaultCloseAfter(new VectorFrameSpec(cols))).isEqualTo(EventDetector.MIN_CLOSE_AFTER);
        assertThat(EventDetector.defaultCloseAfter(new WindowFrameSpec(cols, 30, 1))).isEqualTo(30);
        assertThat(EventDetector.defaultCloseAfter(new WindowFrameSpec(cols, 60, 7))).isEqualTo(9);
        assertThat(EventDetector.defaultCloseAfter(new WindowFrameSpec(cols, 30, 10))).isEqualTo(EventDetector.MIN_CLOSE_AFTER);
        assertThat(EventDetector.defaultCloseAfter(new AudioFrameSpec(8000, 256, 64, WindowFunction.HANN,
                AudioFeature.LOG_MAGNITUDE, 0))).isEqualTo(EventDetector.MIN_CLOSE_AFTER);

        // a 30-row window: two flagged runs 12 frames apart are one event, as the frames between still see the first run
        boolean[] flags = new boolean[80];
        java.util.Arrays.fill(flags, 5, 10, true);
        java.util.Arrays.fill(flags, 22, 25, true);
        List<AnomalyEvent> byWindow = run(new EventDetector(EventDetector.MIN_OPEN_AFTER, 30), flags);
        assertThat(byWindow).extracting(AnomalyEvent::phase).containsExactly(AnomalyEvent.Phase.OPENED, AnomalyEvent.Phase.CLOSED);
        assertThat(byWindow.get(1).end()).isEqualTo(24_000);
        assertThat(run(new EventDetector(EventDetector.MIN_OPEN_AFTER, EventDetector.MIN_CLOSE_AFTER), flags)).hasSize(4);
    }

    @Test
    void shouldResolveTheStreamsHysteresisFromTheFramesAndTheSuppressionUnlessGiven() {
        WindowFrameSpec window = new WindowFrameSpec(List.of("a"), 30, 1);
        EventDetector plain = EventDetector.of(window, 0, OptionalInt.empty(), OptionalInt.empty());
        assertThat(plain.openAfter()).as("a fifth of the 30 frames that hold a row").isEqualTo(6);
        assertThat(plain.closeAfter()).isEqualTo(30);
        List<String> cols = List.of("a", "b");
        assertThat(EventDetector.of(new WindowFrameSpec(cols, 15, 1), 0, OptionalInt.empty(), OptionalInt.empty()).openAfter())
                .as("never fewer than three").isEqualTo(EventDetector.MIN_OPEN_AFTER);
        assertThat(EventDetector.of(new WindowFrameSpec(cols, 16, 1), 0, OptionalInt.empty(), OptionalInt.empty()).openAfter())
                .isEqualTo(4);
        assertThat(EventDetector.of(new WindowFrameSpec(cols, 60, 7), 0, OptionalInt.empty(), OptionalInt.empty()).openAfter())
                .as("9 frames hold a row").isEqualTo(EventDetector.MIN_OPEN_AFTER);
        assertThat(EventDetector.of(new VectorFrameSpec(cols), 0, OptionalInt.empty(), OptionalInt.empty()).openAfter())
                .isEqualTo(EventDetector.MIN_OPEN_AFTER);
        assertThat(EventDetector.of(window, 48, OptionalInt.empty(), OptionalInt.empty()).openAfter())
                .as("flags stand alone under suppression").isEqualTo(1);
        EventDetector given = EventDetector.of(window, 0, OptionalInt.of(2), OptionalInt.of(7));
        assertThat(given.openAfter()).isEqualTo(2);
        assertThat(given.closeAfter()).isEqualTo(7);
        assertThatThrownBy(() -> EventDetector.of(window, 48, OptionalInt.of(3), OptionalInt.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("suppresses the 48 frames after every flag, so 3 flagged frames in a row never occur");
    }
}
