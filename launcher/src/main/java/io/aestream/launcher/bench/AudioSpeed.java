package io.aestream.launcher.bench;

import io.aestream.frame.AudioFeature;
import io.aestream.frame.AudioFrameSpec;
import io.aestream.frame.AudioProcessor;
import io.aestream.frame.AudioState;
import io.aestream.frame.WindowFunction;
import io.aestream.scoring.Activation;
import io.aestream.scoring.DenseLayer;
import io.aestream.scoring.DenseNetwork;
import io.aestream.scoring.Distribution;
import io.aestream.scoring.Normalizer;
import io.aestream.scoring.Scorer;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The audio path on one core, without Kafka: 20 ms PCM chunks of noise through the app's STFT framing and scoring
 * ({@link AudioProcessor}, as the app's audio framer calls it), a log-mel 32 → 64 → 16 → 64 → 32 network, frames of
 * 32 ms with half overlap. Reported as frames/s and as real-time factor: seconds of audio per second of one core.
 */
final class AudioSpeed {
    /** Audio seconds run before timing, for the JIT. */
    private static final int WARM_UP_SECONDS = 5;

    /** One sample rate's result. */
    record Result(int sampleRate, long frames, double seconds, double audioSeconds) {
        double framesPerSecond() {
            return frames / seconds;
        }

        double realTimeFactor() {
            return audioSeconds / seconds;
        }
    }

    private AudioSpeed() {
    }

    static Result measure(int sampleRate, int audioSeconds) {
        int frameLength = sampleRate * 32 / 1000;
        AudioFrameSpec spec = new AudioFrameSpec(sampleRate, Integer.highestOneBit(frameLength), Integer.highestOneBit(frameLength) / 2,
                WindowFunction.SQRT_HANN, AudioFeature.LOG_MEL, 32);
        AudioProcessor processor = new AudioProcessor(spec, new Scorer(network(spec.inputSize()), new Normalizer.Identity(spec.inputSize()),
                Distribution.GAUSSIAN));
        SplittableRandom rng = new SplittableRandom(BenchModels.SEED);
        int chunk = sampleRate / 50;
        run(processor, spec, rng, chunk, WARM_UP_SECONDS * 50);
        long start = System.nanoTime();
        long frames = run(processor, spec, rng, chunk, audioSeconds * 50);
        return new Result(sampleRate, frames, (System.nanoTime() - start) / 1e9, audioSeconds);
    }

    private static long run(AudioProcessor processor, AudioFrameSpec spec, SplittableRandom rng, int chunk, int chunks) {
        AudioState state = AudioState.start(spec);
        long[] frames = {0};
        double[] samples = new double[chunk];
        for (int c = 0; c < chunks; c++) {
            for (int i = 0; i < chunk; i++) {
                samples[i] = 0.1 * rng.nextGaussian();
            }
            processor.push(state, samples, (index, score) -> frames[0]++);
        }
        return frames[0];
    }

    private static DenseNetwork network(int inputs) {
        SplittableRandom rng = new SplittableRandom(BenchModels.SEED);
        int[] sizes = {inputs, 64, 16, 64, inputs};
        List<DenseLayer> layers = new ArrayList<>();
        for (int l = 0; l + 1 < sizes.length; l++) {
            double[] w = new double[sizes[l] * sizes[l + 1]];
            for (int i = 0; i < w.length; i++) {
                w[i] = rng.nextGaussian() / Math.sqrt(sizes[l]);
            }
            layers.add(new DenseLayer(sizes[l], sizes[l + 1], w, new double[sizes[l + 1]],
                    l + 2 == sizes.length ? Activation.IDENTITY : Activation.TANH));
        }
        return new DenseNetwork(layers, 1);
    }
}
