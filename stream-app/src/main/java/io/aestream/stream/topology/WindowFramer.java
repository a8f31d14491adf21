package io.aestream.stream.topology;

import io.aestream.frame.WindowAssembler;
import io.aestream.frame.WindowFrameSpec;
import io.aestream.frame.WindowState;
import io.aestream.stream.input.FrameInput;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Window layout: each record is one row; the key's last rows live in the window store (read through a
 * {@link KeyCache}), and every hop-th row completes a frame that belongs to (and is timestamped by) that row.
 */
final class WindowFramer implements Framer {
    private final WindowFrameSpec spec;
    private final WindowAssembler assembler;
    private final FrameScoring scoring;
    private final KeyValueStore<String, WindowState> store;
    private final KeyCache<WindowState> cache = new KeyCache<>();

    WindowFramer(WindowFrameSpec spec, FrameScoring scoring, KeyValueStore<String, WindowState> store) {
        this.spec = spec;
        this.assembler = new WindowAssembler(spec);
        this.scoring = scoring;
        this.store = store;
    }

    @Override
    public Frames frame(String key, FrameInput input) {
        FrameInput.Row row = (FrameInput.Row) input;
        WindowState state = cache.get(key);
        if (state == null) {
            WindowState stored = store.get(key);
            state = stored == null ? WindowState.empty(spec) : stored;
            cache.put(key, state);
        }
        double[] frame = assembler.push(state, row.values());
        // every row changes the ring: written through, so the store and its changelog hold it at the next commit
        store.put(key, state);
        return frame == null ? Frames.NONE : Frames.of(scoring.score(key, row.ts(), frame));
    }
}
