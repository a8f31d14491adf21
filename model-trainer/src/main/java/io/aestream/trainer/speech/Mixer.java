package io.aestream.trainer.speech;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The corruption C(x̃ | x) of the speech mask model, drawn afresh for every example: a random crop of a random clean
 * recording, plus a random crop of a random noise recording scaled to a random SNR (over the speech crop's power) in
 * [snrMinDb, snrMaxDb], the mixture and the clean crop then scaled together by a random gain of ±gainRangeDb.
 *
 * @param cropSamples crop length; shorter recordings are used whole
 */
record Mixer(List<double[]> speech, List<double[]> noise, double snrMinDb, double snrMaxDb, double gainRangeDb, int cropSamples) {

    /** A clean crop and its noisy version, same length. */
    record Mixture(double[] noisy, double[] clean) {
    }

    Mixer {
        speech = List.copyOf(speech);
        noise = List.copyOf(noise);
        if (speech.isEmpty() || noise.isEmpty()) {
            throw new IllegalArgumentException("mixer: needs speech and noise recordings, got " + speech.size() + " and " + noise.size());
        }
        if (snrMaxDb < snrMinDb || gainRangeDb < 0 || cropSamples < 1) {
            throw new IllegalArgumentException("mixer: invalid SNR range [" + snrMinDb + ", " + snrMaxDb + "], gain range "
                    + gainRangeDb + " or crop " + cropSamples);
        }
    }

    Mixture draw(SplittableRandom rng) {
        double[] s = speech.get(rng.nextInt(speech.size()));
        int len = Math.min(cropSamples, s.length);
        int from = rng.nextInt(s.length - len + 1);
        double[] clean = java.util.Arrays.copyOfRange(s, from, from + len);
        double[] n = noise.get(rng.nextInt(noise.size()));
        int at = rng.nextInt(Math.max(1, n.length - len + 1));
        double speechPower = power(clean, 0, len);
        double noisePower = 0;
        for (int i = 0; i < len; i++) {
            double v = n[(at + i) % n.length];
            noisePower += v * v;
        }
        noisePower /= len;
        double snrDb = snrMinDb + (snrMaxDb - snrMinDb) * rng.nextDouble();
        double scale = noisePower > 0 && speechPower > 0 ? Math.sqrt(speechPower / (noisePower * Math.pow(10, snrDb / 10))) : 0;
        double gain = Math.pow(10, gainRangeDb * (2 * rng.nextDouble() - 1) / 20);
        double[] noisy = new double[len];
        for (int i = 0; i < len; i++) {
            clean[i] *= gain;
            noisy[i] = clean[i] + gain * scale * n[(at + i) % n.length];
        }
        return new Mixture(noisy, clean);
    }

    static double power(double[] x, int from, int to) {
        double p = 0;
        for (int i = from; i < to; i++) {
            p += x[i] * x[i];
        }
        return to > from ? p / (to - from) : 0;
    }
}
