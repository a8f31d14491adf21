package io.aestream.launcher.demo;

import io.aestream.launcher.demo.EventMatch.Detection;
import io.aestream.launcher.demo.data.AnomalyKind;
import io.aestream.launcher.demo.data.InjectedAnomaly;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EventMatchTest {
    private static final List<InjectedAnomaly> FAULTS = List.of(
            new InjectedAnomaly(AnomalyKind.SPIKE, "a", 10, 10, 10_000, 10_000),
            new InjectedAnomaly(AnomalyKind.DRIFT, "b", 100, 180, 100_000, 180_000));

    @Test
    void shouldCountFaultFoundWhenDetectionStartsWithinTheWindowLag() {
        // Given a detection that starts 5 s after the spike, within an 8 s window lag
        List<Detection> detections = List.of(new Detection(15_000, 17_000));

        // When matched
        EventMatch m = EventMatch.of(FAULTS, detections, 8_000);

        // Then the spike is found, the drift is not, and the one detection is true
        assertThat(m.found()).isEqualTo(1);
        assertThat(m.recall()).isEqualTo(0.5);
        assertThat(m.precision()).isEqualTo(1.0);
        assertThat(m.foundByKind().get(AnomalyKind.SPIKE)).containsExactly(1, 1);
        assertThat(m.foundByKind().get(AnomalyKind.DRIFT)).containsExactly(0, 1);
    }

    @Test
    void shouldCountFalseDetectionWhenItOverlapsNoFault() {
        // Given one detection inside the drift and one far from any fault
        List<Detection> detections = List.of(new Detection(150_000, 160_000), new Detection(500_000, 501_000));

        // When matched without lag
        EventMatch m = EventMatch.of(FAULTS, detections, 0);

        // Then precision is one half and only the drift is found
        assertThat(m.precision()).isEqualTo(0.5);
        assertThat(m.found()).isEqualTo(1);
        assertThat(m.foundByKind().get(AnomalyKind.DRIFT)).containsExactly(1, 1);
    }

    @Test
    void shouldReportZeroWhenNothingDetected() {
        EventMatch m = EventMatch.of(FAULTS, List.of(), 0);

        assertThat(m.precision()).isZero();
        assertThat(m.recall()).isZero();
    }
}
