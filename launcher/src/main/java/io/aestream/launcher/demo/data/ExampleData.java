package io.aestream.launcher.demo.data;

import io.aestream.bundle.Json;
import io.aestream.trainer.data.WavAudio;
import io.aestream.trainer.data.WavIO;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The demo's example data, written to one directory: a sensor series split into a fault-free training part and
 * an evaluation part with labelled faults, and speech-like audio (a clean training clip, a noise recording to
 * corrupt it with, and a clean/noisy evaluation pair). Everything derives from {@link Plan#seed()}.
 */
public final class ExampleData {
    public static final int SAMPLE_RATE = 8000;
    private static final long START_TS = 1_704_067_200_000L; // 2024-01-01T00:00:00Z
    private static final long STEP_MS = 1000;

    /** Sizes of the generated data, validated so every part is usable. */
    public record Plan(int trainingRows, int evaluationRows, int anomalies, double trainingAudioSeconds,
                       double evaluationAudioSeconds, double snrDb, long seed) {
        public Plan {
            if (trainingRows < 100) {
                throw new IllegalArgumentException("trainingRows: must be >= 100, got " + trainingRows);
            }
            if (!(trainingAudioSeconds >= 1) || !(evaluationAudioSeconds >= 1)) {
                throw new IllegalArgumentException("audio seconds: training and evaluation clips must be >= 1 s, got "
                        + trainingAudioSeconds + " and " + evaluationAudioSeconds);
            }
        }

        public static Plan defaults(long seed) {
            return new Plan(4000, 3200, 12, 40, 10, 5.0, seed);
        }
    }

    /** What was written, with the evaluation data kept in memory for scoring the demo's results. */
    public record Files(Path trainingCsv, Path evaluationCsv, Path anomaliesJson, Path trainingSpeechWav, Path noiseWav,
                        Path cleanSpeechWav, Path noisySpeechWav, SensorSeries evaluation, double[] cleanSpeech,
                        double[] noisySpeech) {
    }

    private ExampleData() {
    }

    public static Files write(Plan plan, Path dir) throws IOException {
        java.nio.file.Files.createDirectories(dir);
        SensorSeriesGenerator.Split split = new SensorSeriesGenerator(plan.seed())
                .generate(plan.trainingRows(), plan.evaluationRows(), plan.anomalies(), START_TS, STEP_MS);
        Path trainingCsv = dir.resolve("sensors-train.csv");
        Path evaluationCsv = dir.resolve("sensors-eval.csv");
        Path anomaliesJson = dir.resolve("injected-anomalies.json");
        split.training().writeCsv(trainingCsv);
        split.evaluation().writeCsv(evaluationCsv);
        Json.mapper().writerWithDefaultPrettyPrinter().writeValue(anomaliesJson.toFile(), split.evaluation().anomalies());

        // distinct seeds per clip: the evaluation speech and noise are never seen in training
        SpeechLikeAudio speech = new SpeechLikeAudio(SAMPLE_RATE);
        double[] trainingSpeech = speech.generate(plan.trainingAudioSeconds(), plan.seed() + 1);
        double[] noise = NoiseMix.noise(trainingSpeech.length, SAMPLE_RATE, plan.seed() + 2);
        double[] clean = speech.generate(plan.evaluationAudioSeconds(), plan.seed() + 3);
        double[] noisy = NoiseMix.mix(clean, NoiseMix.noise(clean.length, SAMPLE_RATE, plan.seed() + 4), plan.snrDb());
        // the evaluation pair shares a file name in two folders: what `evaluate --input DIR --reference DIR` pairs by
        Path trainingSpeechWav = wav(dir.resolve("speech-train/clean.wav"), trainingSpeech);
        Path noiseWav = wav(dir.resolve("noise-train/noise.wav"), scaled(noise, 0.1));
        Path cleanWav = wav(dir.resolve("speech-eval/clean/clip.wav"), clean);
        Path noisyWav = wav(dir.resolve("speech-eval/noisy/clip.wav"), noisy);
        // what goes through Kafka is PCM16, so the reference is the quantized clean clip
        return new Files(trainingCsv, evaluationCsv, anomaliesJson, trainingSpeechWav, noiseWav, cleanWav, noisyWav,
                split.evaluation(), WavIO.read(cleanWav).samples(), WavIO.read(noisyWav).samples());
    }

    private static Path wav(Path file, double[] samples) throws IOException {
        java.nio.file.Files.createDirectories(file.getParent());
        WavIO.write(file, new WavAudio(SAMPLE_RATE, samples));
        return file;
    }

    /** The noise recording's level is arbitrary (the trainer mixes at an SNR); 0.1 RMS keeps it clear of clipping. */
    private static double[] scaled(double[] x, double rms) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] * rms;
        }
        return y;
    }
}
