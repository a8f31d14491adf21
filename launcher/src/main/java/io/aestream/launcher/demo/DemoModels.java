package io.aestream.launcher.demo;

import io.aestream.launcher.demo.data.ExampleData;
import io.aestream.launcher.demo.data.SensorSeries;
import io.aestream.launcher.demo.data.SensorSeriesGenerator;
import io.aestream.trainer.cli.TrainCommand;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Trains the demo's three models with the trainer's own {@code train} command, exactly as a user would from the
 * shell, so the bundles and reports are the real thing: a denoising and a contractive autoencoder over sliding
 * windows of the sensors, and the speech recipe's denoising autoencoder with a gain-mask decoder
 * ({@code --audio-model mask}: gains on the noisy magnitude from the current and 4 previous frames, running
 * normalization, noise estimate), trained on mixtures with the noise recording drawn afresh every epoch at −5…15 dB
 * around the stream's 5 dB; early stopping watches held-out mixtures. Sizes are kept small (one hidden layer of
 * 64) so all three train in well under a minute on two cores.
 */
public final class DemoModels {
    static final int WINDOW = 10;
    static final int FRAME_LENGTH = 256;
    static final int HOP = 128;

    /** The trained bundles, and the {@code train} command line each came from (for the summary). */
    record Trained(Path sensorsDenoising, Path sensorsContractive, Path speechDenoising, List<String> commands) {
    }

    private DemoModels() {
    }

    static Trained train(ExampleData.Files data, Path modelsDir, Path reportsDir, long seed, Consumer<String> progress) {
        List<String> commands = new ArrayList<>();
        List<String> sensorArgs = sensorArgs(data.trainingCsv(), 20, seed);

        Path denoising = modelsDir.resolve("sensors-denoising");
        run(progress, commands, "sensors, denoising", sensorArgs, List.of("--kind", "denoising", "--corruption", "gaussian:0.3",
                "--out", denoising.toString(), "--report", reportsDir.resolve("sensors-denoising").toString()));
        Path contractive = modelsDir.resolve("sensors-contractive");
        run(progress, commands, "sensors, contractive", sensorArgs, List.of("--kind", "contractive", "--lambda", "0.01",
                "--out", contractive.toString(), "--report", reportsDir.resolve("sensors-contractive").toString()));
        Path speech = modelsDir.resolve("speech-denoising");
        run(progress, commands, "speech, denoising", List.of("--input", data.trainingSpeechWav().toString(),
                "--frame-length", Integer.toString(FRAME_LENGTH), "--hop", Integer.toString(HOP), "--window", "sqrt_hann",
                "--feature", "log-magnitude", "--kind", "denoising", "--corruption", "recordings:" + data.noiseWav() + ":-5:15",
                "--audio-model", "mask", "--context", "4", "--hidden", "64", "--epochs", "15", "--patience", "4",
                "--batch-size", "256", "--learning-rate", "0.002", "--mixtures-per-epoch", "60", "--crop-seconds", "2",
                "--validation-mixtures", "12", "--seed", Long.toString(seed), "--quiet"),
                List.of("--out", speech.toString(), "--report", reportsDir.resolve("speech-denoising").toString()));
        return new Trained(denoising, contractive, speech, commands);
    }

    /**
     * The options every demo sensor model is trained with (window layout, sizes, optimisation, threshold), without
     * {@code --kind} and the outputs: the bench times each kind with exactly these.
     */
    public static List<String> sensorArgs(Path trainingCsv, int epochs, long seed) {
        return List.of("--input", trainingCsv.toString(), "--layout", "window",
                "--columns", String.join(",", SensorSeriesGenerator.sensorNames()), "--window", Integer.toString(WINDOW), "--hop", "1",
                "--timestamp-column", SensorSeries.TIMESTAMP_COLUMN, "--validation-fraction", "0.2",
                "--encoder", "24,6", "--activation", "tanh", "--epochs", Integer.toString(epochs), "--patience", "4",
                "--batch-size", "128", "--learning-rate", "0.005", "--threshold", "scaled-quantile:0.999:1.2",
                "--seed", Long.toString(seed), "--quiet");
    }

    private static void run(Consumer<String> progress, List<String> commands, String what, List<String> common, List<String> own) {
        List<String> args = new ArrayList<>(common);
        args.addAll(own);
        commands.add("aestream train " + String.join(" ", args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        long start = System.nanoTime();
        int exit = new CommandLine(new TrainCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args.toArray(String[]::new));
        if (exit != 0) {
            throw new IllegalStateException("training the " + what + " model failed (exit " + exit + "): " + err.toString().strip());
        }
        progress.accept(String.format("trained %-22s in %4.1f s: %s", what, (System.nanoTime() - start) / 1e9, out.toString().strip()));
    }
}
