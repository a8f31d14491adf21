package io.aestream.enhance;

import io.aestream.frame.AudioFeature;
import io.aestream.frame.AudioFrameSpec;
import io.aestream.frame.AudioProcessor;
import io.aestream.frame.WindowFunction;

import java.util.SplittableRandom;

/** Test signals and their STFT magnitudes at 8 kHz, frame 256, hop 128, sqrt-Hann (the speech recipe's framing). */
final class Spectra {
    static final AudioFrameSpec SPEC = new AudioFrameSpec(8000, 256, 128, WindowFunction.SQRT_HANN, AudioFeature.LOG_MAGNITUDE, 0);
    static final double HOP_SECONDS = 128 / 8000.0;

    private Spectra() {
    }

    static double[] white(int n, double sigma, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = sigma * rng.nextGaussian();
        }
        return x;
    }

    static double[][] magnitudes(double[] signal) {
        return new AudioProcessor(SPEC, null).analyze(signal).magnitude();
    }

    /** E|X_k|² of white noise with variance σ² through the sqrt-Hann window: σ² Σ w² = σ² N / 2. */
    static double whitePower(double sigma) {
        return sigma * sigma * SPEC.frameLength() / 2.0;
    }

    static double power(double[] x) {
        double p = 0;
        for (double v : x) {
            p += v * v;
        }
        return p / x.length;
    }
}
