package io.aestream.launcher.demo;

import io.aestream.bundle.BundleIO;
import io.aestream.bundle.ModelBundle;
import io.aestream.frame.AudioFrameSpec;
import io.aestream.frame.WindowFrameSpec;
import io.aestream.launcher.demo.data.ExampleData;
import io.aestream.launcher.demo.data.SensorSeries;
import io.aestream.launcher.demo.data.SensorSeriesGenerator;
import io.aestream.launcher.kafka.LocalKafka;
import io.aestream.launcher.produce.CsvFrames;
import io.aestream.launcher.produce.FrameEncoding;
import io.aestream.launcher.produce.FrameProducer;
import io.aestream.launcher.produce.FrameRecord;
import io.aestream.launcher.produce.WavFrames;
import io.aestream.stream.RunningApp;
import io.aestream.stream.StreamApp;
import io.aestream.stream.config.InputFormat;
import io.aestream.stream.config.ProcessingGuarantee;
import io.aestream.stream.config.StreamConfig;
import io.aestream.stream.config.Topics;
import org.apache.kafka.common.utils.Utils;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The streaming half of the demo: one stream app per model (the two sensor apps read the same input topic under
 * their own application ids), producers for the sensor rows and the noisy speech, a monitor on every output
 * topic, the live status line, and the report files at the end.
 */
final class DemoRun {
    static final String HOST = "127.0.0.1";
    private static final Duration STATUS_EVERY = Duration.ofSeconds(3);
    /** Upper bound for {@code --duration 0}, so a broken pipeline cannot hang the demo. */
    private static final Duration SAFETY_LIMIT = Duration.ofMinutes(10);

    record Options(Duration duration, boolean noWait, double rate, int httpPort) {
    }

    private final LocalKafka kafka;
    private final ExampleData.Files data;
    private final DemoModels.Trained models;
    private final Path dir;
    private final PrintWriter console;
    private final Options options;

    DemoRun(LocalKafka kafka, ExampleData.Files data, DemoModels.Trained models, Path dir, PrintWriter console, Options options) {
        this.kafka = kafka;
        this.data = data;
        this.models = models;
        this.dir = dir;
        this.console = console;
        this.options = options;
    }

    int execute(CountDownLatch stop) throws Exception {
        List<Pipeline> pipelines = pipelines();
        for (Pipeline p : pipelines) {
            kafka.createTopics(1, p.topics().all().stream().filter(t -> !t.equals(p.topics().input())).toList());
        }
        kafka.createTopics("demo-sensors", "demo-speech");
        Path stateDir = Files.createTempDirectory("aestream-demo-state-");
        List<RunningApp> apps = new ArrayList<>();
        ExecutorService producers = Executors.newFixedThreadPool(2);
        try (OutputMonitor monitor = new OutputMonitor(kafka.bootstrapServers(), pipelines)) {
            List<String> urls = new ArrayList<>();
            int port = options.httpPort();
            for (Pipeline p : pipelines) {
                RunningApp app = StreamApp.start(config(p, freePort(port), stateDir));
                apps.add(app);
                urls.add("http://localhost:" + app.httpPort() + "/metrics  (" + p.name() + ")");
                port = port == 0 ? 0 : port + 1;
            }
            for (RunningApp app : apps) {
                if (!app.awaitReady(Duration.ofSeconds(60))) {
                    throw new IllegalStateException("a stream app did not become ready within 60 s (state " + app.state() + ")");
                }
            }
            console.println("stream apps running; metrics:");
            urls.forEach(u -> console.println("  " + u));
            long start = System.nanoTime();
            List<Future<Long>> sent = produce(producers);
            DemoSummary summary = watch(stop, pipelines, monitor, urls, sent, start, apps);
            DemoReport.write(dir, summary, pipelines, monitor, data);
            console.println();
            console.print(summary.toMarkdown());
            return apps.stream().allMatch(RunningApp::isLive) ? 0 : 1;
        } finally {
            producers.shutdownNow();
            producers.awaitTermination(10, TimeUnit.SECONDS);
            for (RunningApp app : apps) {
                app.close();
            }
            Utils.delete(stateDir.toFile());
        }
    }

    private DemoSummary watch(CountDownLatch stop, List<Pipeline> pipelines, OutputMonitor monitor, List<String> urls,
                              List<Future<Long>> sent, long start, List<RunningApp> apps) throws Exception {
        Duration limit = options.duration().isZero() ? SAFETY_LIMIT : options.duration();
        long nextStatus = start + STATUS_EVERY.toNanos();
        double throughAt = -1;
        DemoSummary summary;
        while (true) {
            double elapsed = (System.nanoTime() - start) / 1e9;
            summary = DemoSummary.of(throughAt >= 0 ? throughAt : elapsed, pipelines, monitor, data, urls, models.commands());
            if (throughAt < 0 && sent.stream().allMatch(Future::isDone) && allThrough(pipelines, monitor)) {
                for (Future<Long> f : sent) {
                    f.get(); // a failed producer surfaces here
                }
                throughAt = elapsed;
                console.println(summary.statusLine());
                console.printf("all example data is through after %.1f s%s%n", elapsed,
                        options.noWait() || options.duration().isZero() ? "" : "; serving metrics until --duration ends (Ctrl-C stops)");
                if (options.noWait() || options.duration().isZero()) {
                    return summary;
                }
            }
            if (elapsed >= limit.toSeconds() || !apps.stream().allMatch(RunningApp::isLive)) {
                console.println(summary.statusLine());
                return summary;
            }
            if (throughAt < 0 && System.nanoTime() >= nextStatus) {
                console.println(summary.statusLine());
                nextStatus += STATUS_EVERY.toNanos();
            }
            if (stop.await(250, TimeUnit.MILLISECONDS)) {
                return summary;
            }
        }
    }

    private List<Future<Long>> produce(ExecutorService pool) throws IOException {
        String columns = String.join(",", SensorSeriesGenerator.sensorNames());
        List<FrameRecord> rows = new CsvFrames(List.of(columns.split(",")), null, "plant-1", SensorSeries.TIMESTAMP_COLUMN,
                FrameEncoding.JSON).read(data.evaluationCsv());
        List<FrameRecord> chunks = new WavFrames("mic-1", 20, FrameEncoding.BINARY).chunks(data.noisySpeech(), ExampleData.SAMPLE_RATE);
        // pace the audio so that both streams end together
        double audioRate = options.rate() == 0 ? 0 : chunks.size() * options.rate() / rows.size();
        return List.of(
                pool.submit(() -> send("demo-sensors", rows, options.rate())),
                pool.submit(() -> send("demo-speech", chunks, audioRate)));
    }

    private long send(String topic, List<FrameRecord> records, double perSecond) throws InterruptedException {
        try (FrameProducer producer = new FrameProducer(kafka.bootstrapServers(), topic, Map.of())) {
            return producer.send(records, perSecond);
        }
    }

    private static boolean allThrough(List<Pipeline> pipelines, OutputMonitor monitor) {
        return pipelines.stream().allMatch(p -> {
            PipelineStats s = monitor.stats(p);
            return s.scoreCount() >= p.expectedScores() && s.denoisedSampleCount() >= p.expectedDenoisedSamples();
        });
    }

    private List<Pipeline> pipelines() {
        int rows = data.evaluation().rows();
        return List.of(
                sensorPipeline("sensors-denoising", models.sensorsDenoising(), rows),
                sensorPipeline("sensors-contractive", models.sensorsContractive(), rows),
                speechPipeline(models.speechDenoising()));
    }

    private static Pipeline sensorPipeline(String name, Path model, int rows) {
        ModelBundle bundle = BundleIO.read(model);
        WindowFrameSpec spec = (WindowFrameSpec) bundle.manifest().frameSpec();
        long frames = (rows - spec.window()) / spec.hop() + 1;
        return new Pipeline(name, model, topics("demo-sensors", name), false, frames, 0);
    }

    private Pipeline speechPipeline(Path model) {
        AudioFrameSpec spec = (AudioFrameSpec) BundleIO.read(model).manifest().frameSpec();
        // every hop samples complete a frame; a live stream is never flushed, so the last frameLength - hop
        // samples stay in the overlap-add tail
        long frames = data.noisySpeech().length / spec.hop();
        return new Pipeline("speech-denoising", model, topics("demo-speech", "speech-denoising"), true, frames,
                frames * spec.hop() - (spec.frameLength() - spec.hop()));
    }

    private static Topics topics(String input, String name) {
        String p = "demo-" + name + "-";
        return new Topics(input, p + "scores", p + "denoised", p + "anomalies", p + "dead-letter");
    }

    private StreamConfig config(Pipeline p, int port, Path stateDir) {
        return new StreamConfig(kafka.bootstrapServers(), p.applicationId(), p.topics(), p.model(),
                p.audio() ? InputFormat.BINARY : InputFormat.JSON, ProcessingGuarantee.AT_LEAST_ONCE, 1, 3, 5, HOST, port,
                stateDir.resolve(p.name()), 3, Map.of("commit.interval.ms", "500"));
    }

    /** {@code wanted} if nothing listens there, else 0 (the system picks a free port). */
    private static int freePort(int wanted) {
        if (wanted == 0) {
            return 0;
        }
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(HOST, wanted));
            return wanted;
        } catch (IOException e) {
            return 0;
        }
    }
}
