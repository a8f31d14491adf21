package io.aestream.frame;

import io.aestream.enhance.SpectralGain;
import io.aestream.scoring.FrameScore;
import io.aestream.scoring.Scorer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Streaming STFT → model inputs → (model) → overlap-add resynthesis with the noisy phase. Samples go in as
 * chunks of any length; denoised samples come out one hop at a time, delayed by {@code frameLength − hop}
 * samples. Offline {@code denoise} runs the same code over the whole file and then {@link #flush}es, so
 * a stream's output is a prefix of the offline output. A model either reconstructs the log features (its output
 * replaces them) or, with a {@link GainMask}, predicts gains on the noisy magnitude from the inputs
 * {@link MaskInputs} builds. Not thread-safe: one instance per thread.
 */
public final class AudioProcessor {
    /** Floor inside the log, so silence maps to a finite feature. */
    public static final double EPS = 1e-5;

    /** Receives each analyzed frame's index and score. */
    @FunctionalInterface
    public interface FrameListener {
        void onFrame(long frameIndex, FrameScore score);
    }

    /** One analyzed signal, frame by frame: the model inputs, the STFT magnitude and the phase. */
    public record Analysis(double[][] inputs, double[][] magnitude, double[][] phase) {
    }

    private final AudioFrameSpec spec;
    private final Scorer scorer;
    private final int n;
    private final int hop;
    private final Stft stft;
    private final MaskInputs maskInputs;
    private final double[] features;
    private final double[] input;
    private final double[] target;

    /** @param scorer the bundle's scorer, or {@code null} to only extract features ({@link #features}) */
    public AudioProcessor(AudioFrameSpec spec, Scorer scorer) {
        this.spec = spec;
        this.scorer = scorer;
        this.n = spec.frameLength();
        this.hop = spec.hop();
        this.stft = new Stft(spec);
        this.maskInputs = spec.mask() == null ? null : new MaskInputs(spec, stft);
        this.features = new double[spec.baseSize()];
        this.input = new double[spec.inputSize()];
        this.target = new double[spec.bins()];
        if (scorer != null && scorer.inputSize() != spec.inputSize()) {
            throw new IllegalArgumentException("scorer: expected " + spec.inputSize() + " features, found " + scorer.inputSize());
        }
    }

    /** The model inputs of every complete frame of {@code signal}, as a stream starting with it would cut them. */
    public List<double[]> features(double[] signal) {
        return Arrays.asList(analyze(signal).inputs());
    }

    /** Model inputs, magnitudes and phases of every complete frame of {@code signal}, as a stream would compute them. */
    public Analysis analyze(double[] signal) {
        AudioState st = AudioState.start(spec);
        List<double[]> in = new ArrayList<>();
        List<double[]> mag = new ArrayList<>();
        List<double[]> ph = new ArrayList<>();
        for (double s : signal) {
            st.pending[st.fill++] = s;
            if (st.fill == n) {
                analyzeFrame(st);
                in.add(input.clone());
                mag.add(stft.magnitude().clone());
                ph.add(stft.phase().clone());
                advance(st);
            }
        }
        return new Analysis(in.toArray(double[][]::new), mag.toArray(double[][]::new), ph.toArray(double[][]::new));
    }

    /**
     * Feeds {@code samples} (in [-1, 1]); scores each completed frame through {@code listener} and returns the
     * denoised samples this call finalized.
     */
    public double[] push(AudioState st, double[] samples, FrameListener listener) {
        requireScorer();
        requireFits(st);
        st.realSamples += samples.length;
        return feed(st, samples, Long.MAX_VALUE, frameIndex -> modelTarget(frameIndex, listener));
    }

    /** Ends the stream: pads with zeros so every received sample is resynthesized, and returns the rest. */
    public double[] flush(AudioState st, FrameListener listener) {
        requireScorer();
        requireFits(st);
        return feed(st, new double[n - 1], st.realSamples, frameIndex -> modelTarget(frameIndex, listener));
    }

    /** A whole signal through the model, as a stream that then ends: same length, aligned with the input. */
    public double[] denoise(double[] signal, FrameListener listener) {
        AudioState st = AudioState.start(spec);
        return concat(push(st, signal, listener), flush(st, listener));
    }

    /** A whole signal through a classical rule with the same STFT, overlap-add and alignment as the model. */
    public double[] enhance(double[] signal, SpectralGain rule) {
        AudioState st = AudioState.start(spec);
        double[] gains = new double[spec.bins()];
        FrameTarget apply = frameIndex -> {
            double[] mag = stft.magnitude();
            rule.gains(mag, gains);
            for (int k = 0; k < mag.length; k++) {
                target[k] = mag[k] * gains[k];
            }
        };
        st.realSamples = signal.length;
        return concat(feed(st, signal, Long.MAX_VALUE, apply), feed(st, new double[n - 1], st.realSamples, apply));
    }

    @FunctionalInterface
    private interface FrameTarget {
        /** Fills {@link #target} with the output magnitude of the frame just analyzed. */
        void fill(long frameIndex);
    }

    private double[] feed(AudioState st, double[] samples, long limit, FrameTarget frameTarget) {
        double[] out = new double[samples.length + n];
        int produced = 0;
        long lead = n - hop;
        for (double s : samples) {
            st.pending[st.fill++] = s;
            if (st.fill < n) {
                continue;
            }
            long frameIndex = st.frames;
            analyzeFrame(st);
            frameTarget.fill(frameIndex);
            stft.synthesize(target, st.ola);
            long first = frameIndex * hop - lead;
            for (int j = 0; j < hop; j++) {
                long idx = first + j;
                if (idx >= 0 && idx < limit) {
                    out[produced++] = st.ola[j] / stft.olaNorm(j);
                }
            }
            System.arraycopy(st.ola, hop, st.ola, 0, n - hop);
            Arrays.fill(st.ola, n - hop, n, 0.0);
            advance(st);
        }
        return Arrays.copyOf(out, produced);
    }

    private void advance(AudioState st) {
        st.frames++;
        System.arraycopy(st.pending, hop, st.pending, 0, n - hop);
        st.fill = n - hop;
    }

    private void requireScorer() {
        if (scorer == null) {
            throw new IllegalStateException("this AudioProcessor only extracts features: construct it with a Scorer");
        }
    }

    private void requireFits(AudioState st) {
        if (!st.fits(spec)) {
            throw new IllegalArgumentException("audio state: does not fit the model's frame spec (kept from another model?)");
        }
    }

    /** Fills the STFT, {@link #features} and {@link #input} from the pending frame of {@code st}. */
    private void analyzeFrame(AudioState st) {
        stft.analyze(st.pending);
        stft.logFeatures(stft.magnitude(), features);
        if (maskInputs == null) {
            System.arraycopy(features, 0, input, 0, features.length);
        } else {
            maskInputs.build(st, features, stft.magnitude(), input);
        }
    }

    private void modelTarget(long frameIndex, FrameListener listener) {
        FrameScore score = scorer.score(input);
        listener.onFrame(frameIndex, score);
        double[] out = score.reconstruction();
        double[] mag = stft.magnitude();
        GainMask mask = spec.mask();
        for (int k = 0; k < mag.length; k++) {
            target[k] = mask != null ? mag[k] * stft.bandToBin(k, out, mask::gain, mask.gainFloor())
                    : stft.reconstructedMagnitude(k, out, features);
        }
    }

    private static double[] concat(double[] a, double[] b) {
        double[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
