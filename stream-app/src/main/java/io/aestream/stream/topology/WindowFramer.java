package io.aestream.stream.topology;

import io.aestream.frame.WindowAssembler;
import io.aestream.frame.WindowFrameSpec;
import io.aestream.frame.WindowState;
import io.aestream.stream.input.FrameInput;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.Arrays;

/**
 * Window layout: each record is one row; the key's last rows live in the window store, and every hop-th row
 * completes a frame that belongs to (and is timestamped by) that row. Denoised output is the frame's last row.
 */
final class WindowFramer implements Framer {
    private final WindowFrameSpec spec;
    private final WindowAssembler assembler;
    private final FrameScoring scoring;
    private final KeyValueStore<String, WindowState> store;

    WindowFramer(WindowFrameSpec spec, FrameScoring scoring, KeyValueStore<String, WindowState> store) {
        this.spec = spec;
        this.assembler = new WindowAssembler(spec);
        this.scoring = scoring;
        this.store = store;
    }

    @Override
    public void accept(String key, FrameInput input, FrameEmitter out) {
        FrameInput.Row row = (FrameInput.Row) input;
        WindowState state = store.get(key);
        if (state == null) {
            state = WindowState.empty(spec);
        }
        double[] frame = assembler.push(state, row.values());
        store.put(key, state);
        if (frame == null) {
            return;
        }
        ScoredFrame scored = scoring.score(key, row.ts(), frame);
        out.scored(scored);
        double[] rec = scored.score().reconstruction();
        out.denoised(scored, Arrays.copyOfRange(rec, rec.length - spec.columns().size(), rec.length));
    }
}
