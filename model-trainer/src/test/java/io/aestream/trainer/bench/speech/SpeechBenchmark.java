package io.aestream.trainer.bench.speech;

import io.aestream.bundle.BundleIO;
import io.aestream.bundle.ModelBundle;
import io.aestream.frame.AudioFeature;
import io.aestream.frame.AudioFrameSpec;
import io.aestream.frame.GainMask;
import io.aestream.frame.WindowFunction;
import io.aestream.trainer.data.InputFiles;
import io.aestream.trainer.data.WavAudio;
import io.aestream.trainer.data.WavIO;
import io.aestream.trainer.eval.speech.Enhancer;
import io.aestream.trainer.eval.speech.SpeechEvaluation;
import io.aestream.trainer.eval.speech.SpeechMetrics;
import io.aestream.trainer.speech.MaskBundle;
import io.aestream.trainer.speech.MaskTrainer;
import io.aestream.trainer.train.TrainingOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The development benchmark of the speech mask model (docs/quality.md): trains on the shared speech of the training
 * speakers mixed with generated training noises, then compares noisy input, model, Wiener filter and spectral
 * subtraction on held-out speakers mixed with the test noises at 0/5/10 dB SNR and −35/−25/−15 dBFS.
 * Test speakers: asterisk-ru-ivr and fsdd theo, yweweler. Arguments: {@code key=value} (data, out, seed, epochs,
 * perCondition, mixtures, context, noise, floor, hidden, deltas).
 */
public final class SpeechBenchmark {
    static final List<String> TRAIN_DIRS = List.of("asterisk", "asterisk-fr-june", "asterisk-it-carlo");
    static final List<String> TEST_FSDD = List.of("theo", "yweweler");
    static final double[] SNRS = {0, 5, 10};
    static final double[] LEVELS = {-35, -25, -15};

    public static void main(String[] args) throws IOException {
        Map<String, String> a = new LinkedHashMap<>();
        for (String s : args) {
            a.put(s.substring(0, s.indexOf('=')), s.substring(s.indexOf('=') + 1));
        }
        Path speechDir = Path.of(a.getOrDefault("data", "../shared/data")).resolve("audio/speech");
        Path out = Path.of(a.getOrDefault("out", "target/speech-bench"));
        long seed = Long.parseLong(a.getOrDefault("seed", "42"));
        int perCondition = Integer.parseInt(a.getOrDefault("perCondition", "8"));
        List<Integer> hidden = java.util.Arrays.stream(a.getOrDefault("hidden", "256,256").split(",")).map(Integer::valueOf).toList();
        GainMask mask = new GainMask(Integer.parseInt(a.getOrDefault("context", "4")), Boolean.parseBoolean(a.getOrDefault("deltas", "false")),
                Boolean.parseBoolean(a.getOrDefault("noise", "false")), Double.parseDouble(a.getOrDefault("floor", "0.1")),
                Double.parseDouble(a.getOrDefault("norm", "2")));
        AudioFrameSpec spec = new AudioFrameSpec(8000, 256, 128, WindowFunction.SQRT_HANN, AudioFeature.LOG_MAGNITUDE, 0, mask);

        List<double[]> trainSpeech = new ArrayList<>();
        List<double[]> testSpeech = new ArrayList<>();
        List<double[]> babbleTrain = new ArrayList<>();
        List<double[]> babbleTest = new ArrayList<>();
        for (String d : TRAIN_DIRS) {
            List<double[]> clips = read(speechDir.resolve(d));
            trainSpeech.addAll(clips);
            for (int i = 0; i < clips.size(); i++) {
                (i % 2 == 0 ? babbleTrain : babbleTest).add(clips.get(i));
            }
        }
        for (Path f : InputFiles.expand(List.of(speechDir.resolve("fsdd"))).files()) {
            boolean test = TEST_FSDD.stream().anyMatch(s -> f.getFileName().toString().contains("_" + s + "_"));
            (test ? testSpeech : trainSpeech).add(WavIO.read(f).samples());
        }
        testSpeech.addAll(read(speechDir.resolve("asterisk-ru-ivr")));
        Map<String, double[]> trainNoise = BenchmarkNoises.generate(seed + 1000, 60, babbleTrain);
        Map<String, double[]> testNoise = BenchmarkNoises.generate(seed + 2000, 60, babbleTest);

        List<double[]> train = new ArrayList<>();
        List<double[]> validation = new ArrayList<>();
        for (int i = 0; i < trainSpeech.size(); i++) {
            (i % 5 == 4 ? validation : train).add(trainSpeech.get(i));
        }
        TrainingOptions optim = new TrainingOptions(Integer.parseInt(a.getOrDefault("epochs", "40")), 256, 1e-3,
                Integer.parseInt(a.getOrDefault("patience", "5")), 1e-5, seed);
        MaskTrainer.Settings settings = new MaskTrainer.Settings(hidden, -5, 15, 20, 3,
                Integer.parseInt(a.getOrDefault("mixtures", "300")), 60, optim);
        MaskTrainer.Result r = MaskTrainer.train(spec, train, validation, List.copyOf(trainNoise.values()), settings, System.out::println);
        Path modelDir = out.resolve("model");
        MaskBundle.write(modelDir, spec, r, Map.of("benchmark", "speech"), seed, "generated", Map.of());
        ModelBundle bundle = BundleIO.read(modelDir);
        System.out.printf(Locale.ROOT, "trained in %.0f s, best epoch %d of %d; %d train / %d validation / %d test recordings%n",
                r.seconds(), r.bestEpoch(), r.history().size() - 1, train.size(), validation.size(), testSpeech.size());

        List<Enhancer> enhancers = List.of(Enhancer.noisy(), Enhancer.model(bundle), Enhancer.wiener(spec), Enhancer.spectralSubtraction(spec));
        evaluate(testSpeech, testNoise, enhancers, perCondition, seed, out);
        RealTime.report(bundle, hidden);
    }

    private static void evaluate(List<double[]> testSpeech, Map<String, double[]> testNoise, List<Enhancer> enhancers,
                                 int perCondition, long seed, Path out) throws IOException {
        SplittableRandom rng = new SplittableRandom(seed + 3000);
        System.out.println("| noise | SNR in | level dBFS | noisy SI-SDR / SNR | model | Wiener | spectral subtraction |");
        System.out.println("|---|---|---|---|---|---|---|");
        int cells = 0;
        int wins = 0;
        double worst = Double.POSITIVE_INFINITY;
        Map<String, List<SpeechMetrics>> overall = new LinkedHashMap<>();
        for (String type : BenchmarkNoises.TYPES) {
            for (double snr : SNRS) {
                for (double level : LEVELS) {
                    List<SpeechEvaluation.Pair> pairs = new ArrayList<>();
                    for (int i = 0; i < perCondition; i++) {
                        pairs.add(Mixtures.mix(type + "-" + i, testSpeech.get(rng.nextInt(testSpeech.size())), testNoise.get(type), snr, level, rng));
                    }
                    if (snr == 0 && level == -25) {
                        Mixtures.write(out.resolve("test-0dB"), pairs);
                    }
                    SpeechEvaluation e = SpeechEvaluation.run(pairs, enhancers);
                    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "| %s | %.0f | %.0f |", type, snr, level));
                    for (Enhancer en : enhancers) {
                        SpeechMetrics m = e.means().get(en.name());
                        line.append(String.format(Locale.ROOT, " %.2f / %.2f |", m.siSdrDb(), m.snrDb()));
                        overall.computeIfAbsent(en.name() + "@" + (int) snr, k -> new ArrayList<>()).add(m);
                    }
                    System.out.println(line);
                    if (snr <= 5) {
                        SpeechMetrics mo = e.means().get("model");
                        SpeechMetrics wi = e.means().get("wiener");
                        double margin = Math.min(mo.siSdrDb() - wi.siSdrDb(), mo.snrDb() - wi.snrDb());
                        cells++;
                        wins += margin > 0 ? 1 : 0;
                        worst = Math.min(worst, margin);
                    }
                }
            }
        }
        System.out.println();
        System.out.println("| system | 0 dB: SI-SDR / SNR / seg. SNR | 5 dB | 10 dB |");
        System.out.println("|---|---|---|---|");
        for (Enhancer en : enhancers) {
            StringBuilder line = new StringBuilder("| " + en.name() + " |");
            for (double snr : SNRS) {
                SpeechMetrics m = SpeechEvaluation.mean(overall.get(en.name() + "@" + (int) snr));
                line.append(String.format(Locale.ROOT, " %.2f / %.2f / %.2f |", m.siSdrDb(), m.snrDb(), m.segmentalSnrDb()));
            }
            System.out.println(line);
        }
        System.out.printf(Locale.ROOT, "%nmodel beats Wiener in SI-SDR and SNR in %d of %d cells at 0 and 5 dB; smallest margin %.2f dB%n",
                wins, cells, worst);
    }

    private static List<double[]> read(Path dir) {
        return InputFiles.expand(List.of(dir)).files().stream().map(f -> WavIO.read(f).samples()).toList();
    }

    private SpeechBenchmark() {
    }

    /** For writing a test set a user can feed to {@code evaluate --reference}. */
    static void writeWav(Path file, double[] x) throws IOException {
        Files.createDirectories(file.getParent());
        WavIO.write(file, new WavAudio(8000, x));
    }
}
