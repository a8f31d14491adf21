package io.aestream.launcher.demo.data;

import java.util.SplittableRandom;

/**
 * Synthetic voiced speech: words of 2-4 syllables, each a harmonic series on a falling pitch contour shaped by
 * the formants of a vowel, separated by pauses. Not intelligible, but with the spectral structure (harmonics,
 * formants, silence) a speech denoiser relies on. Deterministic for a seed.
 */
public final class SpeechLikeAudio {
    /** F1-F3 of /a/, /e/, /i/, /o/, /u/ in Hz (adult male averages). */
    private static final double[][] VOWELS = {
            {730, 1090, 2440}, {530, 1840, 2480}, {270, 2290, 3010}, {570, 840, 2410}, {300, 870, 2240}};
    private static final double[] FORMANT_GAIN = {1.0, 0.5, 0.25};
    private static final double[] FORMANT_WIDTH = {90, 110, 170};
    private static final double PEAK = 0.5;

    private final int sampleRate;

    public SpeechLikeAudio(int sampleRate) {
        if (sampleRate < 8000) {
            throw new IllegalArgumentException("sampleRate: must be >= 8000 Hz, got " + sampleRate);
        }
        this.sampleRate = sampleRate;
    }

    /** {@code seconds} of speech-like signal in [-0.5, 0.5]. */
    public double[] generate(double seconds, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] out = new double[(int) Math.round(seconds * sampleRate)];
        int pos = samples(0.1 + 0.2 * rng.nextDouble());
        while (pos < out.length) {
            double f0 = 100 + 90 * rng.nextDouble();
            int syllables = 2 + rng.nextInt(3);
            for (int s = 0; s < syllables && pos < out.length; s++) {
                int length = samples(0.12 + 0.16 * rng.nextDouble());
                double[] vowel = VOWELS[rng.nextInt(VOWELS.length)];
                double f0End = f0 * (0.85 + 0.1 * rng.nextDouble());
                syllable(out, pos, length, f0, f0End, vowel);
                f0 = f0End;
                pos += length + samples(0.02 * rng.nextDouble());
            }
            pos += samples(rng.nextInt(5) == 0 ? 0.4 + 0.3 * rng.nextDouble() : 0.08 + 0.25 * rng.nextDouble());
        }
        scaleToPeak(out);
        return out;
    }

    private void syllable(double[] out, int start, int length, double f0Start, double f0End, double[] formants) {
        int harmonics = (int) (0.48 * sampleRate / Math.min(f0Start, f0End));
        double[] phase = new double[harmonics + 1];
        int attack = samples(0.015);
        int release = samples(0.04);
        for (int i = 0; i < length && start + i < out.length; i++) {
            double f0 = f0Start + (f0End - f0Start) * i / length;
            double env = Math.min(1.0, Math.min((i + 1.0) / attack, (length - i) / (double) release));
            double sample = 0;
            for (int h = 1; h <= harmonics; h++) {
                double f = h * f0;
                if (f >= 0.48 * sampleRate) {
                    break;
                }
                phase[h] += 2 * Math.PI * f / sampleRate;
                sample += vocalTract(f, formants) * Math.sin(phase[h]);
            }
            out[start + i] += env * sample;
        }
    }

    /** Sum of resonance peaks at the formants, with a -6 dB/octave glottal tilt. */
    private static double vocalTract(double f, double[] formants) {
        double gain = 0;
        for (int k = 0; k < formants.length; k++) {
            double x = (f - formants[k]) / FORMANT_WIDTH[k];
            gain += FORMANT_GAIN[k] / (1 + x * x);
        }
        return gain * 100 / (100 + f);
    }

    private int samples(double seconds) {
        return (int) Math.round(seconds * sampleRate);
    }

    private static void scaleToPeak(double[] x) {
        double peak = 0;
        for (double v : x) {
            peak = Math.max(peak, Math.abs(v));
        }
        if (peak > 0) {
            for (int i = 0; i < x.length; i++) {
                x[i] *= PEAK / peak;
            }
        }
    }
}
