package io.aestream.trainer.bench.speech;

import io.aestream.trainer.eval.speech.SpeechEvaluation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/** Test mixtures: speech plus a random stretch of a noise at an SNR over the utterance, scaled to an input level. */
final class Mixtures {
    private Mixtures() {
    }

    static SpeechEvaluation.Pair mix(String name, double[] speech, double[] noise, double snrDb, double levelDbfs, SplittableRandom rng) {
        int n = speech.length;
        int at = rng.nextInt(noise.length - n + 1);
        double ps = power(speech);
        double pn = 0;
        for (int i = 0; i < n; i++) {
            pn += noise[at + i] * noise[at + i];
        }
        pn /= n;
        double g = Math.sqrt(ps / (pn * Math.pow(10, snrDb / 10)));
        double[] noisy = new double[n];
        for (int i = 0; i < n; i++) {
            noisy[i] = speech[i] + g * noise[at + i];
        }
        double scale = Math.pow(10, levelDbfs / 20) / Math.sqrt(power(noisy));
        double[] clean = new double[n];
        for (int i = 0; i < n; i++) {
            noisy[i] *= scale;
            clean[i] = speech[i] * scale;
        }
        return new SpeechEvaluation.Pair(name, noisy, clean);
    }

    static void write(Path dir, List<SpeechEvaluation.Pair> pairs) throws IOException {
        for (SpeechEvaluation.Pair p : pairs) {
            SpeechBenchmark.writeWav(dir.resolve("noisy").resolve(p.name() + ".wav"), p.noisy());
            SpeechBenchmark.writeWav(dir.resolve("clean").resolve(p.name() + ".wav"), p.clean());
        }
    }

    static double power(double[] x) {
        double p = 0;
        for (double v : x) {
            p += v * v;
        }
        return p / x.length;
    }
}
