package io.aestream.stream.topology;

import io.aestream.frame.WindowFrameSpec;
import io.aestream.frame.WindowState;
import io.aestream.scoring.FrameScore;
import io.aestream.stream.input.FrameInput;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The window ring read once per key through the cache, and every row written through to the store. */
class WindowFramerTest {
    private final Map<String, byte[]> stored = new HashMap<>();
    private final List<String> calls = new ArrayList<>();
    private final List<double[]> scoredFrames = new ArrayList<>();
    private final WindowFrameSpec spec = new WindowFrameSpec(List.of("a"), 3, 1);

    @Test
    void shouldReadTheStoreOnceAndWriteEveryRowWhenOneKeyStreams() {
        WindowFramer framer = framer();
        for (int i = 1; i <= 5; i++) {
            framer.frame("s1", new FrameInput.Row(i, new double[] {i}));
        }
        assertThat(calls).containsExactly("get", "put", "put", "put", "put", "put");
        assertThat(scoredFrames).extracting(f -> f[2]).containsExactly(3.0, 4.0, 5.0);
    }

    @Test
    void shouldContinueTheStoredWindowWhenANewFramerTakesTheKeyOver() {
        // Given two rows of a window of three, seen by one framer
        WindowFramer first = framer();
        first.frame("s1", new FrameInput.Row(1, new double[] {1}));
        first.frame("s1", new FrameInput.Row(2, new double[] {2}));
        // When a new framer (empty cache, as after a task migration) gets the third
        framer().frame("s1", new FrameInput.Row(3, new double[] {3}));
        // Then it completes the window the first one started
        assertThat(scoredFrames).hasSize(1);
        assertThat(scoredFrames.get(0)).containsExactly(1, 2, 3);
    }

    private WindowFramer framer() {
        FrameScoring scoring = (key, ts, frame) -> {
            scoredFrames.add(frame.clone());
            return new ScoredFrame(ts, new FrameScore(0, new double[frame.length], frame), 1, false, null, "v1");
        };
        return new WindowFramer(spec, scoring, store());
    }

    /** A store that keeps serialized states, as the real one does, and records the calls. */
    @SuppressWarnings("unchecked")
    private KeyValueStore<String, WindowState> store() {
        return (KeyValueStore<String, WindowState>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {KeyValueStore.class}, (proxy, method, args) -> {
                    calls.add(method.getName());
                    return switch (method.getName()) {
                        case "get" -> stored.containsKey((String) args[0]) ? WindowState.fromBytes(stored.get((String) args[0])) : null;
                        case "put" -> {
                            stored.put((String) args[0], ((WindowState) args[1]).toBytes());
                            yield null;
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    };
                });
    }
}
