package io.aestream.frame;

import org.jtransforms.fft.DoubleFFT_1D;

import java.util.function.DoubleUnaryOperator;

/**
 * One frame of analysis and synthesis for an {@link AudioFrameSpec}: windowed FFT into magnitude and phase, log
 * features (per bin or per mel band), and windowed inverse FFT of a target magnitude with the noisy phase, added
 * into an overlap-add buffer. Holds scratch arrays, so one instance per {@link AudioProcessor}.
 */
final class Stft {
    private final int n;
    private final double[] window;
    private final double[] olaNorm;
    private final double[][] mel;
    private final DoubleFFT_1D fft;
    private final double[] buf;
    private final double[] mag;
    private final double[] phase;

    Stft(AudioFrameSpec spec) {
        this.n = spec.frameLength();
        int hop = spec.hop();
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
    }

    /** Magnitude of the last analyzed frame (a view). */
    double[] magnitude() {
        return mag;
    }

    /** Phase of the last analyzed frame (a view). */
    double[] phase() {
        return phase;
    }

    double olaNorm(int j) {
        return olaNorm[j];
    }

    void analyze(double[] frame) {
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
    }

    private void setBin(int k, double re, double im) {
        mag[k] = Math.hypot(re, im);
        phase[k] = Math.atan2(im, re);
    }

    /** log(|X| + ε) per bin, or log(mel · |X| + ε) per band, of {@code magnitude} into {@code out}. */
    void logFeatures(double[] magnitude, double[] out) {
        if (mel == null) {
            for (int k = 0; k < magnitude.length; k++) {
                out[k] = Math.log(magnitude[k] + AudioProcessor.EPS);
            }
            return;
        }
        for (int b = 0; b < mel.length; b++) {
            double acc = 0;
            for (int k = 0; k < magnitude.length; k++) {
                acc += mel[b][k] * magnitude[k];
            }
            out[b] = Math.log(acc + AudioProcessor.EPS);
        }
    }

    /**
     * A per-band value {@code f(bands[·])} at bin {@code k}: the value of bin k itself, or for mel bands the
     * filterbank-weighted mean over the bands covering k ({@code uncovered} where none does).
     */
    double bandToBin(int k, double[] bands, DoubleUnaryOperator f, double uncovered) {
        if (mel == null) {
            return f.applyAsDouble(bands[k]);
        }
        double num = 0;
        double den = 0;
        for (int b = 0; b < mel.length; b++) {
            num += mel[b][k] * f.applyAsDouble(bands[b]);
            den += mel[b][k];
        }
        return den > 0 ? num / den : uncovered;
    }

    /**
     * The magnitude of bin k from reconstructed log features: inverted per bin, or for mel bands the noisy magnitude
     * times the reconstructed/noisy ratio of the bands covering it.
     */
    double reconstructedMagnitude(int k, double[] reconstruction, double[] noisyFeatures) {
        if (mel == null) {
            return Math.max(Math.exp(reconstruction[k]) - AudioProcessor.EPS, 0.0);
        }
        double gain = 0;
        double den = 0;
        for (int b = 0; b < mel.length; b++) {
            gain += mel[b][k] * Math.exp(reconstruction[b] - noisyFeatures[b]);
            den += mel[b][k];
        }
        return den > 0 ? mag[k] * gain / den : mag[k];
    }

    /** Adds the windowed inverse FFT of {@code target} magnitudes with the analyzed phase into {@code ola}. */
    void synthesize(double[] target, double[] ola) {
        int half = n / 2;
        for (int k = 0; k <= half; k++) {
            double re = target[k] * Math.cos(phase[k]);
            double im = target[k] * Math.sin(phase[k]);
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
}
