package io.aestream.trainer.bench.speech;

import io.aestream.bundle.ModelBundle;
import io.aestream.frame.AudioFeature;
import io.aestream.frame.AudioFrameSpec;
import io.aestream.frame.AudioProcessor;
import io.aestream.frame.WindowFunction;
import io.aestream.scoring.Activation;
import io.aestream.scoring.DenseLayer;
import io.aestream.scoring.DenseNetwork;
import io.aestream.scoring.Distribution;
import io.aestream.scoring.Normalizer;
import io.aestream.scoring.Scorer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Real-time factor of the stream's audio path (STFT, mask inputs, lean forward pass, overlap-add) on one thread, in
 * process: the thread's CPU time / audio duration for 60 s of audio (CPU time, so that other processes on a shared
 * machine do not count; wall clock printed beside it), best of 5 runs after a warm-up; at 16 kHz with the
 * same 32 ms frames (512 / 256) and a network of the same hidden sizes (the time does not depend on the weights).
 * Added latency: the overlap-add delay frameLength − hop plus one frame's processing time.
 */
public final class RealTime {
    private RealTime() {
    }

    /** Arguments: a mask bundle (e.g. the benchmark's {@code target/speech-bench/model}) and its hidden sizes. */
    public static void main(String[] args) {
        report(io.aestream.bundle.BundleIO.read(java.nio.file.Path.of(args[0])),
                Arrays.stream(args[1].split(",")).map(Integer::valueOf).toList());
    }

    static void report(ModelBundle bundle8k, List<Integer> hidden) {
        AudioFrameSpec s8 = (AudioFrameSpec) bundle8k.manifest().frameSpec();
        print(s8, bundle8k.newScorer());
        AudioFrameSpec s16 = new AudioFrameSpec(16000, 512, 256, WindowFunction.SQRT_HANN, AudioFeature.LOG_MAGNITUDE, 0, s8.mask());
        print(s16, new Scorer(randomNetwork(s16.inputSize(), hidden, s16.outputSize()), new Normalizer.Identity(s16.inputSize()),
                Distribution.BERNOULLI));
    }

    private static void print(AudioFrameSpec spec, Scorer scorer) {
        double seconds = 60;
        double[] x = new double[(int) (seconds * spec.sampleRate())];
        SplittableRandom rng = new SplittableRandom(1);
        Arrays.setAll(x, i -> 0.1 * rng.nextGaussian());
        AudioProcessor p = new AudioProcessor(spec, scorer);
        p.denoise(x, (i, s) -> { });
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long best = Long.MAX_VALUE;
        long bestWall = Long.MAX_VALUE;
        for (int run = 0; run < 5; run++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            p.denoise(x, (i, s) -> { });
            bestWall = Math.min(bestWall, System.nanoTime() - t0);
            best = Math.min(best, threads.getCurrentThreadCpuTime() - c0);
        }
        double rtf = best / 1e9 / seconds;
        double frames = x.length / (double) spec.hop();
        double perFrameMs = best / 1e6 / frames;
        double delayMs = 1000.0 * (spec.frameLength() - spec.hop()) / spec.sampleRate();
        System.out.printf(Locale.ROOT, "%d Hz (frame %d, hop %d, %d inputs): RTF %.4f (thread CPU time; wall clock %.4f),"
                + " %.3f ms per frame, added latency %.1f ms (overlap-add %.1f ms + one frame's processing)%n", spec.sampleRate(),
                spec.frameLength(), spec.hop(), spec.inputSize(), rtf, bestWall / 1e9 / seconds, perFrameMs, delayMs + perFrameMs,
                delayMs);
    }

    private static DenseNetwork randomNetwork(int inputs, List<Integer> hidden, int outputs) {
        SplittableRandom rng = new SplittableRandom(2);
        List<DenseLayer> layers = new ArrayList<>();
        int width = inputs;
        List<Integer> sizes = new ArrayList<>(hidden);
        sizes.add(outputs);
        for (int k = 0; k < sizes.size(); k++) {
            int out = sizes.get(k);
            double[] w = new double[width * out];
            Arrays.setAll(w, i -> rng.nextGaussian() * 0.05);
            layers.add(new DenseLayer(width, out, w, new double[out], k == sizes.size() - 1 ? Activation.SIGMOID : Activation.RELU));
            width = out;
        }
        return new DenseNetwork(layers, Math.max(0, layers.size() - 2));
    }
}
