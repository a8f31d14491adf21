package io.aestream.trainer;

import io.aestream.trainer.data.WavAudio;
import io.aestream.trainer.data.WavIO;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/** Small synthetic data sets written by tests into their temp directories. */
public final class Synthetic {
    private Synthetic() {
    }

    /**
     * Three correlated sensors (a, b, c = a + b) with noise, rows {@code anomalyFrom..anomalyTo} shifted in c and
     * labelled 1. Columns: ts;a;b;c;label with the given separator.
     */
    public static Path sensors(Path dir, String name, int rows, int anomalyFrom, int anomalyTo, char sep, long seed) throws IOException {
        Random rng = new Random(seed);
        StringBuilder b = new StringBuilder("ts" + sep + "a" + sep + "b" + sep + "c" + sep + "label\n");
        for (int i = 0; i < rows; i++) {
            double t = i * 0.05;
            double a = Math.sin(t) + 0.05 * rng.nextGaussian();
            double bb = Math.cos(t) + 0.05 * rng.nextGaussian();
            double c = a + bb + 0.05 * rng.nextGaussian();
            boolean anomalous = i >= anomalyFrom && i < anomalyTo;
            if (anomalous) {
                c += 2.5;
            }
            b.append(String.format(Locale.ROOT, "%d%c%.5f%c%.5f%c%.5f%c%d%n", i, sep, a, sep, bb, sep, c, sep, anomalous ? 1 : 0));
        }
        Path f = dir.resolve(name);
        Files.writeString(f, b.toString());
        return f;
    }

    /** A tone gliding from {@code f0} to {@code f1} Hz with amplitude 0.5. */
    public static double[] chirp(int sampleRate, int samples, double f0, double f1) {
        double[] s = new double[samples];
        double phase = 0;
        for (int i = 0; i < samples; i++) {
            double f = f0 + (f1 - f0) * i / samples;
            phase += 2 * Math.PI * f / sampleRate;
            s[i] = 0.5 * Math.sin(phase);
        }
        return s;
    }

    public static double[] whiteNoise(int samples, double amplitude, long seed) {
        Random rng = new Random(seed);
        double[] s = new double[samples];
        for (int i = 0; i < samples; i++) {
            s[i] = amplitude * rng.nextGaussian();
        }
        return s;
    }

    public static double[] add(double[] a, double[] b) {
        double[] s = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            s[i] = a[i] + b[i];
        }
        return s;
    }

    /** SNR in dB of {@code estimate} against {@code clean}. */
    public static double snrDb(double[] clean, double[] estimate) {
        double signal = 0;
        double error = 0;
        for (int i = 0; i < clean.length; i++) {
            signal += clean[i] * clean[i];
            error += (estimate[i] - clean[i]) * (estimate[i] - clean[i]);
        }
        return 10 * Math.log10(signal / error);
    }

    public static Path wav(Path dir, String name, int sampleRate, double[] samples) throws IOException {
        Path f = dir.resolve(name);
        WavIO.write(f, new WavAudio(sampleRate, samples));
        return f;
    }
}
