package io.aestream.stream.topology;

import io.aestream.bundle.ModelBundle;
import io.aestream.frame.AudioFrameSpec;
import io.aestream.frame.AudioProcessor;
import io.aestream.frame.AudioState;
import io.aestream.scoring.Scorer;
import io.aestream.stream.input.FrameInput;
import io.aestream.stream.metrics.StreamMetrics;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.ArrayList;
import java.util.List;

/**
 * Audio layout: PCM chunks of any length feed the key's STFT/overlap-add state (kept in the audio store); each
 * completed STFT frame is scored, and the samples the chunk finalized go out as one denoised chunk, delayed by
 * frameLength − hop samples. A frame's timestamp is that of its last sample, taking the chunk's timestamp as the
 * time of the chunk's first sample. With {@code codes} each frame keeps a copy of its code h.
 */
final class AudioFramer implements Framer {
    private final AudioFrameSpec spec;
    private final ModelBundle bundle;
    private final Scorer scorer;
    private final AudioProcessor processor;
    private final boolean codes;
    private final KeyValueStore<String, AudioState> store;
    private final StreamMetrics metrics;

    AudioFramer(AudioFrameSpec spec, ModelBundle bundle, KeyValueStore<String, AudioState> store, StreamMetrics metrics,
                boolean codes) {
        this.spec = spec;
        this.bundle = bundle;
        this.scorer = bundle.newScorer();
        this.processor = new AudioProcessor(spec, scorer);
        this.codes = codes;
        this.store = store;
        this.metrics = metrics;
    }

    @Override
    public Frames frame(String key, FrameInput input) {
        FrameInput.PcmChunk chunk = (FrameInput.PcmChunk) input;
        AudioState state = store.get(key);
        if (state == null) {
            state = AudioState.start(spec);
        }
        long firstSample = state.samples();
        List<ScoredFrame> frames = new ArrayList<>();
        long t0 = System.nanoTime();
        double[] denoised = processor.push(state, chunk.samples(), (frameIndex, score) -> {
            long lastSample = (frameIndex + 1) * spec.hop() - 1;
            // the processor hands each frame's score over right after scoring it: the scorer's code is that frame's
            frames.add(ScoredFrame.fixed(chunk.ts() + (lastSample - firstSample) * 1000 / spec.sampleRate(), score, bundle,
                    null, codes ? scorer.code().clone() : null));
        });
        metrics.inference(System.nanoTime() - t0);
        store.put(key, state);
        return new Frames(frames, denoised);
    }
}
