package io.aestream.trainer.bench.speech;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The development benchmark's noises at 8 kHz, generated from a seed, so the training set (one seed, babble from one
 * half of the babble recordings) and the test set (another seed, the other half) share no noise samples: babble of
 * 5 talkers, pink, brown, mains hum with harmonics (50 or 60 Hz), and three non-stationary noises — amplitude-modulated
 * machinery, traffic (low-passed rumble with passing vehicles) and clatter (bursts of decaying clicks).
 */
final class BenchmarkNoises {
    static final List<String> TYPES = List.of("babble", "pink", "brown", "hum", "machinery", "traffic", "clatter");
    private static final int RATE = 8000;

    private BenchmarkNoises() {
    }

    /** Every noise type, {@code seconds} long, unit RMS. */
    static Map<String, double[]> generate(long seed, double seconds, List<double[]> babbleTalkers) {
        int n = (int) (seconds * RATE);
        SplittableRandom rng = new SplittableRandom(seed);
        Map<String, double[]> out = new LinkedHashMap<>();
        out.put("babble", babble(n, babbleTalkers, rng.split()));
        out.put("pink", pink(n, rng.split()));
        out.put("brown", brown(n, rng.split()));
        out.put("hum", hum(n, rng.split()));
        out.put("machinery", machinery(n, rng.split()));
        out.put("traffic", traffic(n, rng.split()));
        out.put("clatter", clatter(n, rng.split()));
        out.replaceAll((k, v) -> unitRms(v));
        return out;
    }

    static double[] babble(int n, List<double[]> talkers, SplittableRandom rng) {
        double[] x = new double[n];
        int voices = 5;
        for (int v = 0; v < voices; v++) {
            int at = 0;
            while (at < n) {
                double[] clip = unitRms(talkers.get(rng.nextInt(talkers.size())).clone());
                for (int i = 0; i < clip.length && at + i < n; i++) {
                    x[at + i] += clip[i];
                }
                at += clip.length + rng.nextInt(RATE / 4);
            }
        }
        return x;
    }

    /** Paul Kellet's refined pink filter over white noise (−3 dB/octave within 0.05 dB). */
    static double[] pink(int n, SplittableRandom rng) {
        double b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double w = rng.nextGaussian();
            b0 = 0.99886 * b0 + w * 0.0555179;
            b1 = 0.99332 * b1 + w * 0.0750759;
            b2 = 0.96900 * b2 + w * 0.1538520;
            b3 = 0.86650 * b3 + w * 0.3104856;
            b4 = 0.55000 * b4 + w * 0.5329522;
            b5 = -0.7616 * b5 - w * 0.0168980;
            x[i] = b0 + b1 + b2 + b3 + b4 + b5 + b6 + w * 0.5362;
            b6 = w * 0.115926;
        }
        return x;
    }

    /** Leaky integral of white noise (−6 dB/octave above a few Hz). */
    static double[] brown(int n, SplittableRandom rng) {
        double[] x = new double[n];
        double y = 0;
        for (int i = 0; i < n; i++) {
            y = 0.995 * y + rng.nextGaussian();
            x[i] = y;
        }
        return x;
    }

    static double[] hum(int n, SplittableRandom rng) {
        double f0 = rng.nextBoolean() ? 50 : 60;
        double[] x = new double[n];
        double[] amp = new double[12];
        double[] ph = new double[12];
        for (int h = 0; h < amp.length; h++) {
            amp[h] = Math.pow(0.7, h) * (0.5 + rng.nextDouble());
            ph[h] = 2 * Math.PI * rng.nextDouble();
        }
        for (int i = 0; i < n; i++) {
            double t = (double) i / RATE;
            for (int h = 0; h < amp.length; h++) {
                x[i] += amp[h] * Math.sin(2 * Math.PI * f0 * (h + 1) * t + ph[h]);
            }
            x[i] += 0.02 * rng.nextGaussian();
        }
        return x;
    }

    /** Band-passed noise plus rotor harmonics, amplitude-modulated at a few Hz with slow drift. */
    static double[] machinery(int n, SplittableRandom rng) {
        double rotor = 80 + 120 * rng.nextDouble();
        double mod = 2 + 6 * rng.nextDouble();
        double[] x = new double[n];
        double lp = 0;
        double hp = 0;
        for (int i = 0; i < n; i++) {
            double t = (double) i / RATE;
            double w = rng.nextGaussian();
            lp += 0.3 * (w - lp);
            hp = lp - 0.9 * hp;
            double tones = Math.sin(2 * Math.PI * rotor * t) + 0.6 * Math.sin(2 * Math.PI * 2 * rotor * t)
                    + 0.4 * Math.sin(2 * Math.PI * 3.5 * rotor * t);
            double envelope = 0.6 + 0.4 * Math.sin(2 * Math.PI * mod * t) * (0.7 + 0.3 * Math.sin(2 * Math.PI * 0.1 * t));
            x[i] = envelope * (0.7 * hp + 0.3 * tones);
        }
        return x;
    }

    /** Low-passed rumble whose level swells as vehicles pass (Gaussian envelopes of 1-3 s every 2-6 s). */
    static double[] traffic(int n, SplittableRandom rng) {
        double[] envelope = new double[n];
        java.util.Arrays.fill(envelope, 0.3);
        for (double at = rng.nextDouble() * 2; at * RATE < n; at += 2 + 4 * rng.nextDouble()) {
            double width = 0.5 + rng.nextDouble();
            double peak = 0.7 + 1.3 * rng.nextDouble();
            for (int i = 0; i < n; i++) {
                double d = ((double) i / RATE - at) / width;
                if (Math.abs(d) < 4) {
                    envelope[i] += peak * Math.exp(-d * d);
                }
            }
        }
        double[] x = new double[n];
        double a = 0;
        double b = 0;
        for (int i = 0; i < n; i++) {
            a += 0.08 * (rng.nextGaussian() - a);
            b += 0.25 * (a - b);
            x[i] = envelope[i] * b;
        }
        return x;
    }

    /** Bursts of short decaying broadband clicks (dishes, tools) over a quiet background. */
    static double[] clatter(int n, SplittableRandom rng) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 0.02 * rng.nextGaussian();
        }
        for (double at = rng.nextDouble(); at * RATE < n; at += 0.3 + 1.2 * rng.nextDouble()) {
            int clicks = 2 + rng.nextInt(6);
            for (int c = 0; c < clicks; c++) {
                int start = (int) ((at + 0.25 * rng.nextDouble()) * RATE);
                double amp = 0.5 + rng.nextDouble();
                double decay = Math.exp(-1.0 / (0.005 + 0.02 * rng.nextDouble()) / RATE);
                double ring = 1500 + 2000 * rng.nextDouble();
                double e = amp;
                for (int i = start; i < Math.min(n, start + RATE / 5); i++) {
                    x[i] += e * (0.6 * rng.nextGaussian() + 0.4 * Math.sin(2 * Math.PI * ring * (i - start) / RATE));
                    e *= decay;
                }
            }
        }
        return x;
    }

    static double[] unitRms(double[] x) {
        double p = 0;
        for (double v : x) {
            p += v * v;
        }
        double s = p > 0 ? 1 / Math.sqrt(p / x.length) : 0;
        for (int i = 0; i < x.length; i++) {
            x[i] *= s;
        }
        return x;
    }
}
