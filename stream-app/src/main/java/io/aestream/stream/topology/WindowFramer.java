package io.aestream.stream.topology;

import io.aestream.frame.WindowAssembler;
import io.aestream.frame.WindowFrameSpec;
import io.aestream.frame.WindowState;
import io.aestream.scoring.FrameScore;
import io.aestream.scoring.Scorer;
import io.aestream.stream.input.FrameInput;
import io.aestream.stream.metrics.StreamMetrics;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.Arrays;

/**
 * Window layout: each record is one row; the key's last rows live in the window store, and every hop-th row
 * completes a frame that belongs to (and is timestamped by) that row. Denoised output is the frame's last row.
 */
final class WindowFramer implements Framer {
    private final WindowFrameSpec spec;
    private final WindowAssembler assembler;
    private final Scorer scorer;
    private final KeyValueStore<String, WindowState> store;
    private final StreamMetrics metrics;

    WindowFramer(WindowFrameSpec spec, Scorer scorer, KeyValueStore<String, WindowState> store, StreamMetrics metrics) {
        this.spec = spec;
        this.assembler = new WindowAssembler(spec);
        this.scorer = scorer;
        this.store = store;
        this.metrics = metrics;
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
        long t0 = System.nanoTime();
        FrameScore score = scorer.score(frame);
        metrics.inference(System.nanoTime() - t0);
        out.scored(row.ts(), score);
        double[] rec = score.reconstruction();
        out.denoised(row.ts(), Arrays.copyOfRange(rec, rec.length - spec.columns().size(), rec.length));
    }
}
