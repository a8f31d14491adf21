package io.aestream.launcher.demo;

import io.aestream.launcher.demo.data.ExampleData;
import io.aestream.launcher.kafka.LocalKafka;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code aestream demo}: the whole pipeline on this machine. Starts a Kafka broker in-process, writes example
 * data, trains three models, streams the data through three stream apps and prints what comes back. Stops after
 * {@code --duration} or on Ctrl-C, and leaves data, models, reports, scores and a summary in {@code --out}.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the whole pipeline locally and print a live summary.",
                "An in-process Kafka broker (KRaft), example data (6 sensors with injected spikes, level shifts, drift and",
                "a stuck sensor; noisy speech-like audio), a denoising and a contractive autoencoder for the sensors and a",
                "denoising one for the audio, three stream apps, and a live summary: frames/s, anomalies found versus",
                "injected (precision/recall), SNR before/after for the audio, the /metrics URLs."},
        footer = {"", "Everything it makes stays in --out: data/, models/, reports/ (training plots), scores-*.csv,",
                "speech-eval-denoised.wav, summary.md and summary.json."})
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--duration", defaultValue = "60s", converter = DurationConverter.class,
            description = "How long the pipeline runs once the models are trained, e.g. 60s, 2m (default ${DEFAULT-VALUE}). "
                    + "0: until all example data is through.")
    Duration duration;

    @Option(names = "--out", defaultValue = "demo-out", description = "Report folder; replaced if it holds an earlier demo (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--no-wait", description = "Stop as soon as all example data is through instead of serving metrics until --duration ends.")
    boolean noWait;

    @Option(names = "--rate", defaultValue = "150", description = "Sensor rows per second sent to Kafka; the audio is paced to end with them; 0: no pacing (default ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--http-port", defaultValue = "8080", description = "First /metrics port; the three apps use it and the next two, or free ports if taken (default ${DEFAULT-VALUE}; 0: free ports).")
    int httpPort;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the example data and of training (default ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        DemoLogging.quiet();
        if (!(rate >= 0)) {
            throw new IllegalArgumentException("--rate: must be >= 0, got " + rate);
        }
        PrintWriter console = spec.commandLine().getOut();
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            console.println("\nstopping (Ctrl-C) ...");
            stop.countDown();
            awaitQuietly(finished);
        }, "aestream-demo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            Path dir = DemoFolder.prepare(out);
            long start = System.nanoTime();
            console.println("aestream demo: report folder " + dir.toAbsolutePath());
            console.println("starting a local Kafka broker (KRaft, in this process) ...");
            try (LocalKafka kafka = LocalKafka.start()) {
                console.println("broker at " + kafka.bootstrapServers());
                ExampleData.Files data = ExampleData.write(ExampleData.Plan.defaults(seed), dir.resolve("data"));
                console.printf(Locale.ROOT, "example data in %s: %d sensor rows to stream with %d injected anomalies, %.0f s of speech at 5 dB SNR%n",
                        dir.resolve("data"), data.evaluation().rows(), data.evaluation().anomalies().size(),
                        data.noisySpeech().length / (double) ExampleData.SAMPLE_RATE);
                console.println("training 3 models (the trainer's reports go to " + dir.resolve("reports") + ") ...");
                DemoModels.Trained models = DemoModels.train(data, dir.resolve("models"), dir.resolve("reports"), seed, line -> console.println(line));
                if (stop.getCount() == 0) {
                    return 0;
                }
                DemoRun run = new DemoRun(kafka, data, models, dir, console, new DemoRun.Options(duration, noWait, rate, httpPort));
                int exit = run.execute(stop);
                console.printf(Locale.ROOT, "demo finished in %.0f s; report in %s%n", (System.nanoTime() - start) / 1e9, dir.toAbsolutePath());
                return exit;
            }
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down (Ctrl-C): the hook is running and waits for `finished`
            }
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(90, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Parses {@code 60s}, {@code 2m}, {@code 1h}, {@code 500ms}, a plain number of seconds, or ISO-8601 (PT1M). */
    static final class DurationConverter implements picocli.CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String text) {
            String t = text.trim().toLowerCase(Locale.ROOT);
            try {
                if (t.startsWith("pt")) {
                    return Duration.parse(t.toUpperCase(Locale.ROOT));
                }
                if (t.endsWith("ms")) {
                    return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
                }
                long n = Long.parseLong(t.replaceAll("[smh]$", ""));
                return t.endsWith("m") ? Duration.ofMinutes(n) : t.endsWith("h") ? Duration.ofHours(n) : Duration.ofSeconds(n);
            } catch (RuntimeException e) {
                throw new picocli.CommandLine.TypeConversionException("not a duration: '" + text + "' (e.g. 60s, 2m)");
            }
        }
    }
}
