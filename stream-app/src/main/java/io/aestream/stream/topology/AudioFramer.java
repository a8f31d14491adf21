package io.aestream.stream.topology;

import io.aestream.bundle.ModelBundle;
import io.aestream.frame.AudioFrameSpec;
import io.aestream.frame.AudioProcessor;
import io.aestream.frame.AudioState;
import io.aestream.stream.input.FrameInput;
import io.aestream.stream.metrics.StreamMetrics;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.ArrayList;
import java.util.List;

/**
 * Audio layout: PCM chunks of any length feed the key's STFT/overlap-add state (kept in the audio store); each
 * completed STFT frame is scored, and the samples the chunk finalized go out as one denoised chunk, delayed by
 * frameLength − hop samples. A frame's timestamp is that of its last sample, taking the chunk's timestamp as the
 * time of the chunk's first sample.
 */
final class AudioFramer implements Framer {
    private final AudioFrameSpec spec;
    private final ModelBundle bundle;
    private final AudioProcessor processor;
    private final KeyValueStore<String, AudioState> store;
    private final StreamMetrics metrics;

    AudioFramer(AudioFrameSpec spec, ModelBundle bundle, KeyValueStore<String, AudioState> store, StreamMetrics metrics) {
        this.spec = spec;
        this.bundle = bundle;
        this.processor = new AudioProcessor(spec, bundle.newScorer());
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
            frames.add(ScoredFrame.fixed(chunk.ts() + (lastSample - firstSample) * 1000 / spec.sampleRate(), score, bundle));
        });
        metrics.inference(System.nanoTime() - t0);
        store.put(key, state);
        return new Frames(frames, denoised);
    }
}
