package io.aestream.trainer.cli;

import io.aestream.trainer.Synthetic;
import io.aestream.trainer.data.WavAudio;
import io.aestream.trainer.data.WavIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A denoising autoencoder trained on a clean slow chirp with noise recordings mixed in, then used on a noisy chirp. */
class AudioCliTest {
    @TempDir
    Path dir;

    @Test
    void shouldKeepTheLengthAndImproveTheSnrWhenDenoisingANoisyChirp() throws IOException {
        // Given a clean chirp to learn from and a folder of noise recordings
        int rate = 8000;
        double[] clean = Synthetic.chirp(rate, 3 * rate, 500, 700);
        Path train = Synthetic.wav(dir, "clean.wav", rate, clean);
        Files.createDirectories(dir.resolve("noise"));
        Synthetic.wav(dir.resolve("noise"), "white.wav", rate, Synthetic.whiteNoise(rate, 0.2, 11));
        Path bundle = dir.resolve("audio-model");

        // When training on the waveform with noise mixed at 0..10 dB
        CliRunner t = CliRunner.run("train", "--input", train.toString(), "--frame-length", "256", "--hop", "128",
                "--window", "sqrt_hann", "--feature", "log-magnitude", "--kind", "denoising",
                "--corruption", "recordings:" + dir.resolve("noise") + ":0:10", "--encoder", "64,32", "--activation", "tanh",
                "--epochs", "30", "--batch-size", "32", "--learning-rate", "0.003", "--train-fraction", "1",
                // no validation rows: the engine validates on clean frames, which a recording-trained DAE never sees
                "--validation-fraction", "0", "--out", bundle.toString(), "--quiet");
        assertThat(t.exitCode()).as(t.err()).isZero();

        // and denoising the chirp with other white noise at 5 dB
        double[] noise = Synthetic.whiteNoise(clean.length, 1, 99);
        double scale = Math.sqrt(power(clean) / (power(noise) * Math.pow(10, 0.5)));
        for (int i = 0; i < noise.length; i++) {
            noise[i] *= scale;
        }
        double[] noisy = Synthetic.add(clean, noise);
        Path in = Synthetic.wav(dir, "noisy.wav", rate, noisy);
        Path out = dir.resolve("denoised.wav");
        CliRunner d = CliRunner.run("denoise", "--model", bundle.toString(), "--input", in.toString(), "--out", out.toString());

        // Then the output has the input's length and is closer to the clean chirp
        assertThat(d.exitCode()).as(d.err()).isZero();
        WavAudio result = WavIO.read(out);
        assertThat(result.samples()).hasSize(noisy.length);
        assertThat(result.sampleRate()).isEqualTo(rate);
        double before = Synthetic.snrDb(clean, WavIO.read(in).samples());
        double after = Synthetic.snrDb(clean, result.samples());
        assertThat(after).as("SNR before %.2f dB, after %.2f dB", before, after).isGreaterThan(before + 1);

        // and scoring gives one row per STFT frame
        Path scores = dir.resolve("scores.csv");
        assertThat(CliRunner.run("score", "--model", bundle.toString(), "--input", in.toString(), "--out", scores.toString())
                .exitCode()).isZero();
        assertThat(Files.readAllLines(scores)).hasSize(1 + noisy.length / 128);
    }

    @Test
    void shouldRejectAWavFileWithAnUnsupportedRateWithoutWritingABundle() throws IOException {
        Path wav = dir.resolve("cd.wav");
        WavIO.write(wav, new WavAudio(44100, new double[2000]));
        Path bundle = dir.resolve("none");

        CliRunner t = CliRunner.run("train", "--input", wav.toString(), "--kind", "undercomplete", "--out", bundle.toString());

        assertThat(t.exitCode()).isEqualTo(2);
        assertThat(t.err()).contains("file " + wav + ": WAV header field 'sample rate' at byte 24");
        assertThat(bundle).doesNotExist();
    }

    private static double power(double[] s) {
        double p = 0;
        for (double v : s) {
            p += v * v;
        }
        return p / s.length;
    }
}
