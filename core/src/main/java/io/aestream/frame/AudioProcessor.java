package io.aestream.frame;

import io.aestream.scoring.FrameScore;
import io.aestream.scoring.Scorer;
import org.jtransforms.fft.DoubleFFT_1D;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Streaming STFT → features → (model) → overlap-add resynthesis with the noisy phase. Samples go in as
 * chunks of any length; denoised samples come out one hop at a time, delayed by {@code frameLength − hop}
 * samples. Offline {@code denoise} runs the same code over the whole file and then {@link #flush}es, so
 * a stream's output is a prefix of the offline output. Not thread-safe: one instance per thread.
 */
public final class AudioProcessor {
    /** Floor inside the log, so silence maps to a finite feature. */
    public static final double EPS = 1e-5;

    /** Receives each analyzed frame's index and score. */
    @FunctionalInterface
    public interface FrameListener {
        void onFrame(long frameIndex, FrameScore score);
    }

    private final AudioFrameSpec spec;
    private final Scorer scorer;
    private final int n;
    private final int hop;
    private final double[] window;
    private final double[] olaNorm;
    private final double[][] mel;
    private final DoubleFFT_1D fft;
    private final double[] buf;
    private final double[] mag;
    private final double[] phase;
    private final double[] features;

    /** @param scorer the bundle's scorer, or {@code null} to only extract features ({@link #features}) */
    public AudioProcessor(AudioFrameSpec spec, Scorer scorer) {
        this.spec = spec;
        this.scorer = scorer;
        this.n = spec.frameLength();
        this.hop = spec.hop();
        this.window = spec.window().coefficients(n);
        this.olaNorm = new double[hop];
        for (int j = 0; j < hop; j++) {
            for (int m = 0; m < n / hop; m++) {
                double w = window[j + m * hop];
                olaNorm[j] += w * w;
            }
            if (olaNorm[j] < 1e-12) {
                throw new IllegalArgumentException("window " + spec.window() + " with hop " + hop + " cannot be overlap-added");
            }
        }
        this.mel = spec.feature() == AudioFeature.LOG_MEL ? MelFilterbank.create(spec.melBands(), spec.bins(), spec.sampleRate()) : null;
        this.fft = new DoubleFFT_1D(n);
        this.buf = new double[n];
        this.mag = new double[spec.bins()];
        this.phase = new double[spec.bins()];
        this.features = new double[spec.inputSize()];
        if (scorer != null && scorer.inputSize() != spec.inputSize()) {
            throw new IllegalArgumentException("scorer: expected " + spec.inputSize() + " features, found " + scorer.inputSize());
        }
    }

    /** The features of every complete frame of {@code signal}, as a stream starting with it would cut them. */
    public List<double[]> features(double[] signal) {
        AudioState st = AudioState.start(spec);
        List<double[]> out = new ArrayList<>();
        for (double s : signal) {
            st.pending[st.fill++] = s;
            if (st.fill == n) {
                analyze(st.pending);
                out.add(features.clone());
                System.arraycopy(st.pending, hop, st.pending, 0, n - hop);
                st.fill = n - hop;
            }
        }
        return out;
    }

    /**
     * Feeds {@code samples} (in [-1, 1]); scores each completed frame through {@code listener} and returns the
     * denoised samples this call finalized.
     */
    public double[] push(AudioState st, double[] samples, FrameListener listener) {
        requireScorer();
        st.realSamples += samples.length;
        return feed(st, samples, listener, Long.MAX_VALUE);
    }

    /** Ends the stream: pads with zeros so every received sample is resynthesized, and returns the rest. */
    public double[] flush(AudioState st, FrameListener listener) {
        requireScorer();
        return feed(st, new double[n - 1], listener, st.realSamples);
    }

    private double[] feed(AudioState st, double[] samples, FrameListener listener, long limit) {
        double[] out = new double[samples.length + n];
        int produced = 0;
        long lead = n - hop;
        for (double s : samples) {
            st.pending[st.fill++] = s;
            if (st.fill < n) {
                continue;
            }
            long frameIndex = st.frames++;
            analyze(st.pending);
            FrameScore score = scorer.score(features);
            listener.onFrame(frameIndex, score);
            synthesize(score.reconstruction(), st.ola);
            long first = frameIndex * hop - lead;
            for (int j = 0; j < hop; j++) {
                long idx = first + j;
                if (idx >= 0 && idx < limit) {
                    out[produced++] = st.ola[j] / olaNorm[j];
                }
            }
            System.arraycopy(st.ola, hop, st.ola, 0, n - hop);
            Arrays.fill(st.ola, n - hop, n, 0.0);
            System.arraycopy(st.pending, hop, st.pending, 0, n - hop);
            st.fill = n - hop;
        }
        return Arrays.copyOf(out, produced);
    }

    private void requireScorer() {
        if (scorer == null) {
            throw new IllegalStateException("this AudioProcessor only extracts features: construct it with a Scorer");
        }
    }

    /** Fills {@link #features}, {@link #mag} and {@link #phase} from one frame of samples. */
    private void analyze(double[] frame) {
        for (int i = 0; i < n; i++) {
            buf[i] = frame[i] * window[i];
        }
        fft.realForward(buf);
        int half = n / 2;
        setBin(0, buf[0], 0);
        setBin(half, buf[1], 0);
        for (int k = 1; k < half; k++) {
            setBin(k, buf[2 * k], buf[2 * k + 1]);
        }
        if (mel == null) {
            for (int k = 0; k < mag.length; k++) {
                features[k] = Math.log(mag[k] + EPS);
            }
        } else {
            for (int b = 0; b < mel.length; b++) {
                double acc = 0;
                for (int k = 0; k < mag.length; k++) {
                    acc += mel[b][k] * mag[k];
                }
                features[b] = Math.log(acc + EPS);
            }
        }
    }

    private void setBin(int k, double re, double im) {
        mag[k] = Math.hypot(re, im);
        phase[k] = Math.atan2(im, re);
    }

    /** Adds the windowed inverse STFT of the reconstructed magnitude (with the noisy phase) into {@code ola}. */
    private void synthesize(double[] reconstruction, double[] ola) {
        int half = n / 2;
        for (int k = 0; k <= half; k++) {
            double m = targetMagnitude(k, reconstruction);
            double re = m * Math.cos(phase[k]);
            double im = m * Math.sin(phase[k]);
            if (k == 0) {
                buf[0] = re;
            } else if (k == half) {
                buf[1] = re;
            } else {
                buf[2 * k] = re;
                buf[2 * k + 1] = im;
            }
        }
        fft.realInverse(buf, true);
        for (int i = 0; i < n; i++) {
            ola[i] += buf[i] * window[i];
        }
    }

    private double targetMagnitude(int k, double[] reconstruction) {
        if (mel == null) {
            return Math.max(Math.exp(reconstruction[k]) - EPS, 0.0);
        }
        double num = 0;
        double den = 0;
        for (int b = 0; b < mel.length; b++) {
            double gain = Math.exp(reconstruction[b] - features[b]);
            num += mel[b][k] * gain;
            den += mel[b][k];
        }
        return den > 0 ? mag[k] * num / den : mag[k];
    }
}
