package io.aestream.stream.topology;

import io.aestream.scoring.EventDetector;
import io.aestream.scoring.EventState;
import io.aestream.scoring.FrameScore;
import io.aestream.stream.metrics.StreamMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The hysteresis cache: one store read per key, store writes only when a key's state changes, nothing lost. */
class EventTrackerTest {
    private final Map<String, EventState> stored = new HashMap<>();
    private final List<String> calls = new ArrayList<>();
    private final StreamMetrics metrics = new StreamMetrics(new SimpleMeterRegistry());

    @Test
    void shouldReadOnceAndNeverWriteWhenKeyStaysCalm() {
        EventTracker tracker = tracker();
        for (int i = 0; i < 100; i++) {
            assertThat(tracker.step("s1", List.of(frame(i, false)))).isEmpty();
        }
        assertThat(calls).containsExactly("get");
        assertThat(stored).isEmpty();
    }

    @Test
    void shouldWriteEveryChangeThroughSoAFreshTrackerContinuesTheEvent() {
        // Given open-after 2, close-after 2: two flagged frames open an event
        EventTracker first = tracker();
        assertThat(first.step("s1", List.of(frame(1, true), frame(2, true))))
                .extracting(e -> e.event().phase().name()).containsExactly("OPENED");
        assertThat(calls).containsExactly("get", "put", "put");
        assertThat(stored.get("s1").open()).isTrue();

        // When a new tracker (empty cache, as after a task migration) sees two calm frames
        calls.clear();
        List<FrameEvent> closed = tracker().step("s1", List.of(frame(3, false), frame(4, false)));

        // Then it reads the stored state once, closes the event the first tracker opened, and deletes the state
        assertThat(closed).extracting(e -> e.event().phase().name()).containsExactly("CLOSED");
        assertThat(closed.get(0).event().start()).isEqualTo(1);
        assertThat(calls).containsExactly("get", "put", "delete");
        assertThat(stored).isEmpty();
    }

    @Test
    void shouldGoOnUnclassifiedWhenTheClassifierThatSummedAnOpenEventIsRemovedOrSwapped() {
        // Given an open event whose state summed two frames of a three-class classifier
        stored.put("s1", new EventState(true, 0, 0, 1, 2, 2, 1, 2, new double[] {1.2, 0.5, 0.3}, 2));
        // When a tracker without a classifier closes it, then the event has no class (and nothing fails)
        List<FrameEvent> closed = tracker().step("s1", List.of(frame(3, false), frame(4, false)));
        assertThat(closed).extracting(e -> e.event().phase().name()).containsExactly("CLOSED");
        assertThat(closed.get(0).classification()).isNull();
        // And a tracker with a two-class classifier starts the sums again from its own frames
        stored.put("s1", new EventState(true, 0, 0, 1, 2, 2, 1, 2, new double[] {1.2, 0.5, 0.3}, 2));
        EventTracker swapped = new EventTracker(new EventDetector(2, 2), store(), metrics, List.of("x", "y"));
        ScoredFrame classified = frame(3, true).classified(io.aestream.scoring.Classification.of(List.of("x", "y"),
                new double[] {0.25, 0.75}));
        assertThat(swapped.step("s1", List.of(classified, frame(4, false), frame(5, false))))
                .singleElement().satisfies(e -> assertThat(e.classification().label()).isEqualTo("y"));
    }

    private EventTracker tracker() {
        return new EventTracker(new EventDetector(2, 2), store(), metrics, null);
    }

    private static ScoredFrame frame(long ts, boolean flagged) {
        return new ScoredFrame(ts, new FrameScore(flagged ? 2 : 0.1, new double[] {0}, new double[] {0}), 1, flagged, null, "v1");
    }

    @SuppressWarnings("unchecked")
    private KeyValueStore<String, EventState> store() {
        return (KeyValueStore<String, EventState>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {KeyValueStore.class}, (proxy, method, args) -> {
                    calls.add(method.getName());
                    return switch (method.getName()) {
                        case "get" -> stored.get((String) args[0]);
                        case "put" -> stored.put((String) args[0], (EventState) args[1]);
                        case "delete" -> stored.remove((String) args[0]);
                        default -> throw new UnsupportedOperationException(method.getName());
                    };
                });
    }
}
