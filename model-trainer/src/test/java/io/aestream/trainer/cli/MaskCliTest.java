package io.aestream.trainer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.aestream.bundle.BundleIO;
import io.aestream.bundle.Json;
import io.aestream.frame.AudioFrameSpec;
import io.aestream.trainer.Synthetic;
import io.aestream.trainer.data.WavIO;
import io.aestream.trainer.eval.speech.SpeechMetrics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The speech mask recipe end to end on synthetic voiced sounds (a harmonic series with a gliding pitch, in syllables)
 * and white noise: train, denoise a directory, evaluate against clean references, and the same mixture at three input
 * levels.
 */
class MaskCliTest {
    private static final int RATE = 8000;
    @TempDir
    static Path dir;
    private static Path bundle;

    /** Syllables of 150-350 ms with pauses: harmonics of a pitch gliding within 110-220 Hz, falling 6 dB per octave. */
    static double[] voiced(int samples, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[samples];
        int at = 0;
        while (at < samples) {
            int len = (int) ((0.15 + 0.2 * rng.nextDouble()) * RATE);
            double f0 = 110 + 110 * rng.nextDouble();
            double glide = (rng.nextDouble() - 0.5) * 60;
            double phase = 0;
            for (int i = 0; i < len && at + i < samples; i++) {
                double f = f0 + glide * i / len;
                phase += 2 * Math.PI * f / RATE;
                double env = Math.sin(Math.PI * i / len);
                double v = 0;
                for (int h = 1; h * f < RATE / 2.0 - 100; h++) {
                    v += Math.sin(h * phase) / h;
                }
                x[at + i] = 0.1 * env * v;
            }
            at += len + (int) ((0.05 + 0.15 * rng.nextDouble()) * RATE);
        }
        return x;
    }

    @BeforeAll
    static void train() throws IOException {
        Path speech = Files.createDirectories(dir.resolve("speech"));
        for (int i = 0; i < 5; i++) {
            Synthetic.wav(speech, "v" + i + ".wav", RATE, voiced(4 * RATE, i));
        }
        Path noise = Files.createDirectories(dir.resolve("noise"));
        Synthetic.wav(noise, "white.wav", RATE, Synthetic.whiteNoise(10 * RATE, 0.2, 11));
        bundle = dir.resolve("mask-model");
        CliRunner t = CliRunner.run("train", "--input", speech.toString(), "--frame-length", "256", "--hop", "128",
                "--window", "sqrt_hann", "--kind", "denoising", "--corruption", "recordings:" + noise + ":-5:10",
                "--audio-model", "mask", "--context", "2", "--hidden", "48", "--epochs", "12", "--patience", "3",
                "--batch-size", "128", "--learning-rate", "0.003", "--mixtures-per-epoch", "40", "--crop-seconds", "1.5",
                "--validation-mixtures", "10", "--validation-fraction", "0.2", "--out", bundle.toString(), "--quiet");
        assertThat(t.exitCode()).as(t.err()).isZero();
    }

    /** Voiced sound of an unseen seed plus other white noise at 0 dB, scaled to {@code levelDbfs}. */
    private static double[][] mixture(double levelDbfs) {
        double[] clean = voiced(5 * RATE, 100);
        double[] noise = Synthetic.whiteNoise(clean.length, 1, 99);
        double g = Math.sqrt(power(clean) / power(noise));
        double[] noisy = new double[clean.length];
        for (int i = 0; i < clean.length; i++) {
            noisy[i] = clean[i] + g * noise[i];
        }
        double scale = Math.pow(10, levelDbfs / 20) / Math.sqrt(power(noisy));
        for (int i = 0; i < clean.length; i++) {
            noisy[i] *= scale;
            clean[i] *= scale;
        }
        return new double[][] {noisy, clean};
    }

    @Test
    void shouldWriteAMaskBundleWhoseNetworkMapsTheInputsToOneGainPerBin() {
        AudioFrameSpec spec = (AudioFrameSpec) BundleIO.read(bundle).manifest().frameSpec();
        assertThat(spec.mask()).isNotNull();
        assertThat(spec.mask().context()).isEqualTo(2);
        assertThat(spec.mask().gainFloor()).isEqualTo(0.1);
        // the current and two previous frames; the noise estimate is off by default
        assertThat(BundleIO.read(bundle).network().inputSize()).isEqualTo(129 * 3);
        assertThat(BundleIO.read(bundle).network().outputSize()).isEqualTo(129);
    }

    @Test
    void shouldDenoiseEveryFileOfADirectoryAndBeatTheNoisyInputAgainstTheReferences() throws IOException {
        // Given noisy files and their clean references of the same names
        Path noisyDir = Files.createDirectories(dir.resolve("noisy"));
        Path cleanDir = Files.createDirectories(dir.resolve("clean"));
        for (double level : new double[] {-30, -20}) {
            double[][] m = mixture(level);
            Synthetic.wav(noisyDir, "m" + (int) -level + ".wav", RATE, m[0]);
            Synthetic.wav(cleanDir, "m" + (int) -level + ".wav", RATE, m[1]);
        }
        // When denoising the directory and evaluating it
        Path out = dir.resolve("denoised");
        CliRunner d = CliRunner.run("denoise", "--model", bundle.toString(), "--input", noisyDir.toString(), "--out", out.toString());
        Path json = dir.resolve("eval.json");
        CliRunner e = CliRunner.run("evaluate", "--model", bundle.toString(), "--input", noisyDir.toString(),
                "--reference", cleanDir.toString(), "--json", json.toString());

        // Then one output per input, and the model's SI-SDR beats the noisy input's by 4 dB
        assertThat(d.exitCode()).as(d.err()).isZero();
        assertThat(out.resolve("m30.wav")).exists();
        assertThat(out.resolve("m20.wav")).exists();
        assertThat(e.exitCode()).as(e.err()).isZero();
        assertThat(e.out()).contains("noisy", "model", "wiener", "spectral-subtraction");
        JsonNode means = Json.mapper().readTree(json.toFile()).get("means");
        assertThat(means.get("model").get("siSdrDb").asDouble()).isGreaterThan(means.get("noisy").get("siSdrDb").asDouble() + 4);
        double direct = SpeechMetrics.of(WavIO.read(cleanDir.resolve("m30.wav")).samples(),
                WavIO.read(out.resolve("m30.wav")).samples()).siSdrDb();
        assertThat(Json.mapper().readTree(json.toFile()).get("perFile").get("m30.wav").get("model").get("siSdrDb").asDouble())
                .as("evaluate runs the same path as denoise (up to PCM16 rounding)").isCloseTo(direct, within(0.05));
    }

    @Test
    void shouldGiveTheSameSiSdrWithinHalfADecibelAtMinus35Minus25AndMinus15Dbfs() throws IOException {
        double[] siSdr = new double[3];
        double[] levels = {-35, -25, -15};
        for (int i = 0; i < 3; i++) {
            double[][] m = mixture(levels[i]);
            Path in = Synthetic.wav(dir, "level" + i + ".wav", RATE, m[0]);
            Path out = dir.resolve("level" + i + "-out.wav");
            CliRunner d = CliRunner.run("denoise", "--model", bundle.toString(), "--input", in.toString(), "--out", out.toString());
            assertThat(d.exitCode()).as(d.err()).isZero();
            siSdr[i] = SpeechMetrics.of(m[1], WavIO.read(out).samples()).siSdrDb();
        }
        double noisy = SpeechMetrics.of(mixture(-25)[1], mixture(-25)[0]).siSdrDb();
        assertThat(siSdr[0]).as("model vs noisy %.2f dB", noisy).isGreaterThan(noisy + 4);
        assertThat(siSdr[1]).isCloseTo(siSdr[0], within(0.5));
        assertThat(siSdr[2]).isCloseTo(siSdr[0], within(0.5));
    }

    private static double power(double[] x) {
        double p = 0;
        for (double v : x) {
            p += v * v;
        }
        return p / x.length;
    }
}
