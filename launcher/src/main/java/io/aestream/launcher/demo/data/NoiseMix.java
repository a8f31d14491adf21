package io.aestream.launcher.demo.data;

import java.util.SplittableRandom;

/**
 * Background noise of the kind a field recording picks up, white and pink broadband noise plus mains hum with
 * two harmonics, and mixing a signal with it at a chosen SNR.
 */
public final class NoiseMix {
    private static final double HUM_HZ = 50.0;

    private NoiseMix() {
    }

    /** Unit-power noise: equal parts white and pink power, and hum at a quarter of that. */
    public static double[] noise(int samples, int sampleRate, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] white = new double[samples];
        double[] pink = new double[samples];
        // Paul Kellet's economy pink filter: three one-pole sections approximate 1/f within ±0.5 dB
        double b0 = 0;
        double b1 = 0;
        double b2 = 0;
        for (int i = 0; i < samples; i++) {
            double w = SensorSeriesGenerator.gaussian(rng);
            white[i] = SensorSeriesGenerator.gaussian(rng);
            b0 = 0.99765 * b0 + w * 0.0990460;
            b1 = 0.96300 * b1 + w * 0.2965164;
            b2 = 0.57000 * b2 + w * 1.0526913;
            pink[i] = b0 + b1 + b2 + w * 0.1848;
        }
        normalize(white);
        normalize(pink);
        double humPhase = 2 * Math.PI * rng.nextDouble();
        double[] out = new double[samples];
        for (int i = 0; i < samples; i++) {
            double a = 2 * Math.PI * HUM_HZ * i / sampleRate + humPhase;
            double hum = Math.sin(a) + 0.5 * Math.sin(2 * a) + 0.3 * Math.sin(3 * a);
            out[i] = Math.sqrt(0.4) * white[i] + Math.sqrt(0.4) * pink[i] + 0.4 * hum;
        }
        normalize(out);
        return out;
    }

    /** {@code signal + g·noise} with g chosen so that the mix has {@code snrDb} over the signal's whole length. */
    public static double[] mix(double[] signal, double[] noise, double snrDb) {
        if (noise.length < signal.length) {
            throw new IllegalArgumentException("noise: needs >= " + signal.length + " samples, got " + noise.length);
        }
        double gain = Math.sqrt(power(signal) / (power(noise, signal.length) * Math.pow(10, snrDb / 10)));
        double[] out = new double[signal.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.max(-1.0, Math.min(1.0, signal[i] + gain * noise[i]));
        }
        return out;
    }

    /** SNR of {@code test} against {@code reference} over their common length, in dB. */
    public static double snrDb(double[] reference, double[] test) {
        int n = Math.min(reference.length, test.length);
        double signal = 0;
        double error = 0;
        for (int i = 0; i < n; i++) {
            signal += reference[i] * reference[i];
            double d = test[i] - reference[i];
            error += d * d;
        }
        return 10 * Math.log10(signal / Math.max(error, 1e-20));
    }

    private static double power(double[] x) {
        return power(x, x.length);
    }

    private static double power(double[] x, int n) {
        double p = 0;
        for (int i = 0; i < n; i++) {
            p += x[i] * x[i];
        }
        return p / n;
    }

    private static void normalize(double[] x) {
        double scale = 1 / Math.sqrt(Math.max(power(x), 1e-20));
        for (int i = 0; i < x.length; i++) {
            x[i] *= scale;
        }
    }
}
