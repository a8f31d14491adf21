package io.aestream.stream.topology;

import io.aestream.scoring.AnomalyEvent;
import io.aestream.scoring.Classification;
import io.aestream.scoring.EventDetector;
import io.aestream.scoring.EventState;
import io.aestream.stream.metrics.StreamMetrics;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.ArrayList;
import java.util.List;

/**
 * Per-key hysteresis over scored frames: opens an event after enough flagged frames in a row and closes it after
 * enough calm ones. The key's {@link EventState} lives in the event store; a {@link KeyCache} of the states last
 * read or written saves the store read on every frame, and the store is written only when a state changes (for a
 * calm key, never), so the store is always current and a commit never skips state. With a classifier the state also
 * sums the class probabilities of the flagged frames, and each event carries the class of their mean.
 */
final class EventTracker {
    private final EventDetector detector;
    private final KeyValueStore<String, EventState> store;
    private final StreamMetrics metrics;
    /** The classifier's classes, in the order of the summed probabilities; null without a classifier. */
    private final List<String> classes;
    private final KeyCache<EventState> cache = new KeyCache<>();
    private long openHere;

    EventTracker(EventDetector detector, KeyValueStore<String, EventState> store, StreamMetrics metrics, List<String> classes) {
        this.detector = detector;
        this.store = store;
        this.metrics = metrics;
        this.classes = classes;
        if (classes != null) {
            metrics.bindClasses(classes);
        }
    }

    /** The events {@code frames} of {@code key} opened or closed, in order; usually none. */
    List<FrameEvent> step(String key, List<ScoredFrame> frames) {
        List<FrameEvent> events = List.of();
        for (ScoredFrame frame : frames) {
            AnomalyEvent event = step(key, frame);
            if (event != null) {
                if (events.isEmpty()) {
                    events = new ArrayList<>(2);
                }
                events.add(new FrameEvent(event, frame.modelVersion(), classification(event)));
            }
        }
        return events;
    }

    private AnomalyEvent step(String key, ScoredFrame frame) {
        EventState before = cache.get(key);
        boolean cached = before != null;
        if (!cached) {
            EventState stored = store.get(key);
            before = stored == null ? EventState.INITIAL : stored;
        }
        if (before.classSums() != null && (classes == null || before.classSums().length != classes.size())) {
            // summed under a classifier since removed or swapped for one with other classes: the event goes on unclassified
            // (or is classified from here on), scoring never stops over it
            before = before.withoutClassSums();
        }
        EventDetector.Step step = detector.step(before, frame.ts(), frame.score().score(), frame.anomaly(),
                frame.classification() == null ? null : frame.classification().probabilities());
        EventState after = step.state();
        if (!after.equals(before)) {
            if (after.equals(EventState.INITIAL)) {
                store.delete(key);
            } else {
                store.put(key, after);
            }
            cache.put(key, after);
        } else if (!cached) {
            cache.put(key, after);
        }
        AnomalyEvent event = step.event();
        if (event != null) {
            if (event.phase() == AnomalyEvent.Phase.OPENED) {
                metrics.eventOpened();
                openHere++;
            } else {
                metrics.eventClosed();
                openHere--;
            }
        }
        return event;
    }

    /** The event's class from the mean probabilities of its flagged frames; null when none was classified. */
    private Classification classification(AnomalyEvent event) {
        if (event.classProbabilities() == null) {
            return null;
        }
        Classification c = Classification.of(classes, event.classProbabilities());
        if (event.phase() == AnomalyEvent.Phase.CLOSED) {
            metrics.eventClassified(c.label());
        }
        return c;
    }

    /** Open events this tracker's task holds, counted from its store at start and kept current since. */
    long countOpenEvents() {
        try (var it = store.all()) {
            it.forEachRemaining(kv -> {
                if (kv.value.open()) {
                    openHere++;
                }
            });
        }
        return openHere;
    }

    long openHere() {
        return openHere;
    }
}
