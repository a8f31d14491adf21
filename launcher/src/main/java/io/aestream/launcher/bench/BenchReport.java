package io.aestream.launcher.bench;

import org.apache.kafka.common.utils.AppInfoParser;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@code benchmarks.md} and its plots ({@code benchmarks/throughput.png}, {@code benchmarks/latency.png}
 * next to it): every figure beside its reference from the same run, and the targets met or missed.
 */
final class BenchReport {
    static final double ALL_OUTPUTS_TARGET = 0.8;
    static final double SCORES_TARGET = 0.9;
    static final double ADDED_P99_TARGET_MS = 20;
    static final double DL4J_SLOWER_TARGET = 25;

    private BenchReport() {
    }

    static void write(Path markdown, BenchPlan plan, BenchResults r, String command, double loadAtStart) throws IOException {
        Path plots = markdown.resolveSibling("benchmarks");
        Files.createDirectories(plots);
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\nWritten by `").append(command).append("`").append(plan.quick()
                ? " (**quick**: a smoke run with tiny inputs, its figures are not meaningful)" : "").append(".\n\n");
        md.append(String.format(Locale.ROOT, "- machine: %d cores, %s %s, %s; load average at start %.1f%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"), loadAtStart));
        md.append("- date: ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append("; Kafka ").append(AppInfoParser.getVersion())
                .append(", one in-process KRaft broker, one stream thread per client\n");
        md.append("- the broker, the load generator and the client under test share this machine's cores, and other work may run "
                + "beside them: absolute rates vary from run to run; the ratios, measured minutes apart in the same run, are the "
                + "figures to read\n\n");
        throughput(md, plan, r);
        latency(md, r);
        clientVariants(md, r);
        audio(md, r);
        memory(md, r);
        training(md, plan, r);
        Files.writeString(markdown, md.toString(), StandardCharsets.UTF_8);
        throughputPlot(plots.resolve("throughput.png"), r);
        latencyPlot(plots.resolve("latency.png"), r);
    }

    private static void throughput(StringBuilder md, BenchPlan plan, BenchResults r) {
        md.append("## Saturated throughput\n\n").append(String.format(Locale.ROOT,
                "%,d JSON records of 64 values (vector) or 8 values (window rows, windows of 8) over %d keys, already in the input "
                        + "topic; at-least-once; every client of a layout run once unrecorded before the measured runs (so the JIT's code is compiled); records/s over the output records after the first quarter (start-up left out). Reference: the identity "
                        + "topology (source → sink) with exactly the app's client settings, on the same input (see below). Targets: all three "
                        + "outputs ≥ %.1f×, scores only ≥ %.1f×; DL4J per record ≥ %.0f× slower than the app with all three outputs (DL4J: %,d "
                        + "records; window layout: windows kept per key in a plain map, as those examples do).%n%n", plan.frames(), Load.KEYS, ALL_OUTPUTS_TARGET, SCORES_TARGET,
                DL4J_SLOWER_TARGET, plan.dl4jFrames()));
        md.append("| layout | partitions | client | records/s | × identity | target |\n|---|---|---|---|---|---|\n");
        for (BenchResults.Throughput t : r.throughput) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %s | %,.0f | %.2f | %s |%n", t.layout().name().toLowerCase(Locale.ROOT),
                    t.partitions(), t.subject(), t.perSecond(), t.ratio(), target(t, r)));
        }
        md.append("\nThe identity reference is the geometric mean of a run before and one after the app's runs; how far those "
                + "two differ shows how much the machine's speed drifted meanwhile:\n\n| layout | partitions | identity before | after |\n"
                + "|---|---|---|---|\n");
        for (BenchResults.Spread s : r.identitySpread) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %,.0f | %,.0f |%n", s.layout().name().toLowerCase(Locale.ROOT),
                    s.partitions(), s.before(), s.after()));
        }
        md.append("\n![throughput](benchmarks/throughput.png)\n\n");
    }

    private static String target(BenchResults.Throughput t, BenchResults r) {
        if (t.subject().equals(BenchResults.appSubject(BenchPlan.OutputSet.ALL))
                || t.subject().equals(BenchResults.appSubject(BenchPlan.OutputSet.ALL_BINARY))) {
            return verdict(t.ratio(), ALL_OUTPUTS_TARGET, "×");
        }
        if (t.subject().equals(BenchResults.appSubject(BenchPlan.OutputSet.SCORES))
                || t.subject().equals(BenchResults.appSubject(BenchPlan.OutputSet.SCORES_BINARY))) {
            return verdict(t.ratio(), SCORES_TARGET, "×");
        }
        if (t.subject().equals(BenchResults.DL4J)) {
            return r.throughput.stream().filter(a -> a.layout() == t.layout() && a.partitions() == t.partitions()
                            && a.subject().equals(BenchResults.appSubject(BenchPlan.OutputSet.ALL)))
                    .findFirst().map(a -> "app " + verdict(a.perSecond() / t.perSecond(), DL4J_SLOWER_TARGET, "× faster")).orElse("");
        }
        return "";
    }

    private static String verdict(double value, double target, String unit) {
        return String.format(Locale.ROOT, value >= target ? "%.2f%s ≥ %.1f: met" : "%.2f%s < %.1f: **missed** by %.2f",
                value, unit, target, target - value);
    }

    private static void latency(StringBuilder md, BenchResults r) {
        md.append("## End-to-end latency\n\nInput paced at a share of the identity topology's saturated rate (vector, first "
                + "partition count), one partition; latency = time a read_committed consumer receives the output minus the input "
                + "record's send time (outputs keep it); measured: outputs of records sent after a one-second warm-up. Targets: added p99 (app − identity) "
                + "≤ 20 ms at 50 % load, at-least-once; exactly_once_v2: app p99 ≤ commit.interval.ms (100 ms in Kafka Streams "
                + "under exactly-once) + 20 ms.\n\n");
        md.append("| guarantee | load | records/s | client | p50 ms | p99 ms | p99.9 ms | measured / sent | target |\n"
                + "|---|---|---|---|---|---|---|---|---|\n");
        for (BenchResults.LatencyRow l : r.latency) {
            String target = l.subject().equals(BenchResults.IDENTITY) ? ""
                    : l.guarantee().kafkaName().equals("at_least_once")
                    ? l.load() <= 0.5 ? verdictMs(l.addedP99(), ADDED_P99_TARGET_MS, "added p99")
                    : String.format(Locale.ROOT, "added p99 %.1f ms", l.addedP99())
                    : verdictMs(l.p().p99(), 100 + ADDED_P99_TARGET_MS, "p99");
            row(md, l, target);
        }
        md.append("\n![latency](benchmarks/latency.png)\n\n");
    }

    private static void audio(StringBuilder md, BenchResults r) {
        md.append("## Audio\n\nThe app's audio path on one core without Kafka: 20 ms PCM16 chunks through the STFT framing and "
                + "scoring the audio framer runs (frames of 32 ms, hop 16 ms, log-mel 32 bands, a 32-64-16-64-32 network). "
                + "Reference: real time; the factor is seconds of audio per second of one core.\n\n"
                + "| sample rate | frames/s | × real time, one core |\n|---|---|---|\n");
        for (AudioSpeed.Result a : r.audio) {
            md.append(String.format(Locale.ROOT, "| %,d Hz | %,.0f | %,.0f |%n", a.sampleRate(), a.framesPerSecond(), a.realTimeFactor()));
        }
        md.append('\n');
    }

    private static void clientVariants(StringBuilder md, BenchResults r) {
        if (r.clientVariants.isEmpty()) {
            return;
        }
        BenchResults.ClientVariant ref = r.clientVariants.get(0);
        md.append("## Client settings\n\nThe app (all outputs, JSON, vector, the first partition count, at-least-once) with one Kafka client "
                + "setting changed at a time (`AESTREAM_KAFKA_<NAME>`), against its defaults in the same run: saturated "
                + "records/s as above, and p99 latency paced at the latency section's 50 % rate. The defaults are "
                + "`KafkaSettings.CLIENT_DEFAULTS` (docs/performance.md says why).\n\n"
                + "| setting | records/s | × defaults | p50 ms | p99 ms | p99 − defaults' ms |\n|---|---|---|---|---|---|\n");
        for (BenchResults.ClientVariant v : r.clientVariants) {
            md.append(String.format(Locale.ROOT, "| %s | %,.0f | %.2f | %.0f | %.0f | %+.0f |%n",
                    v.setting() == null ? "defaults" : "`" + v.setting() + "`", v.perSecond(), v.perSecond() / ref.perSecond(),
                    v.p().p50(), v.p().p99(), v.p().p99() - ref.p().p99()));
        }
        md.append('\n');
    }

    private static void memory(StringBuilder md, BenchResults r) {
        if (r.memory.isEmpty()) {
            return;
        }
        ChildJvm.Footprint ref = r.memory.get(0).footprint();
        md.append(String.format(Locale.ROOT, "## Memory\n\nThe app in its own JVM (%s, G1), all outputs, at-least-once, 4 partitions, "
                + "%s layout: every source sends one frame's rows, so each key holds its window ring (window layout) and "
                + "hysteresis state in the stores. Heap from the GC log (peak: the most used before a collection; after GC: the most left "
                + "after one, an upper bound of the live data, since a young collection leaves old-generation garbage), RSS from the kernel's high-water mark (VmHWM). Reference: the same app with %,d keys.%n%n",
                Footprints.APP_HEAP, r.memory.get(0).layout().name().toLowerCase(Locale.ROOT), r.memory.get(0).keys()));
        md.append("| keys | heap peak MiB | heap after GC MiB | × reference | RSS peak MiB | × reference | wall s |\n|---|---|---|---|---|---|---|\n");
        for (Footprints.Memory m : r.memory) {
            ChildJvm.Footprint f = m.footprint();
            md.append(String.format(Locale.ROOT, "| %,d | %.1f | %.1f | %.2f | %.1f | %.2f | %.1f |%n", m.keys(),
                    BenchRun.mib(f.peakHeap()), BenchRun.mib(f.heapAfterGc()), ratio(f.heapAfterGc(), ref.heapAfterGc()),
                    BenchRun.mib(f.peakRss()), ratio(f.peakRss(), ref.peakRss()), f.seconds()));
        }
        md.append('\n');
    }

    private static void training(StringBuilder md, BenchPlan plan, BenchResults r) {
        if (r.training.isEmpty()) {
            return;
        }
        ChildJvm.Footprint ref = r.training.get(0).footprint();
        md.append(String.format(Locale.ROOT, "## Training\n\n`train` in its own JVM (%s) per model kind on the demo's sensor "
                + "data (4,000 rows, window layout of 10 rows × 8 sensors, encoder 24,6, at most %d epoch(s) with early "
                + "stopping, the demo's options); wall time from the JVM's start to its exit, RSS from the kernel's "
                + "high-water mark sampled every 50 ms. Reference: %s.%n%n", Footprints.TRAIN_HEAP, plan.trainingEpochs(),
                r.training.get(0).kind()));
        md.append("| kind | wall s | × reference | RSS peak MiB | × reference | heap peak MiB |\n|---|---|---|---|---|---|\n");
        for (Footprints.Training t : r.training) {
            ChildJvm.Footprint f = t.footprint();
            md.append(String.format(Locale.ROOT, "| %s | %.1f | %.2f | %.1f | %.2f | %.1f |%n", t.kind(), f.seconds(),
                    f.seconds() / ref.seconds(), BenchRun.mib(f.peakRss()), ratio(f.peakRss(), ref.peakRss()),
                    BenchRun.mib(f.peakHeap())));
        }
        md.append('\n');
    }

    private static double ratio(long value, long reference) {
        return reference == 0 ? Double.NaN : (double) value / reference;
    }

    private static String verdictMs(double value, double limit, String what) {
        return String.format(Locale.ROOT, value <= limit ? "%s %.1f ms ≤ %.0f: met" : "%s %.1f ms > %.0f: **missed** by %.1f ms",
                what, value, limit, value - limit);
    }

    private static void row(StringBuilder md, BenchResults.LatencyRow l, String target) {
        Latency.Percentiles p = l.p();
        md.append(String.format(Locale.ROOT, "| %s | %.0f %% | %,.0f | %s | %.0f | %.0f | %.0f | %,d / %,d | %s |%n",
                l.guarantee().kafkaName(), 100 * l.load(), l.perSecond(), l.subject(), p.p50(), p.p99(), p.p999(), p.samples(),
                p.sent(), target));
    }

    private static void throughputPlot(Path png, BenchResults r) throws IOException {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        Map<String, List<Double>> ratios = new LinkedHashMap<>();
        List<String> categories = new ArrayList<>();
        for (BenchResults.Throughput t : r.throughput) {
            String category = t.layout().name().toLowerCase(Locale.ROOT) + ", " + t.partitions() + " p";
            if (!categories.contains(category)) {
                categories.add(category);
            }
            groups.computeIfAbsent(t.subject(), s -> new ArrayList<>()).add(category);
            ratios.computeIfAbsent(t.subject(), s -> new ArrayList<>()).add(t.ratio());
        }
        CategoryChart chart = new CategoryChartBuilder().width(900).height(450).title("Saturated throughput")
                .xAxisTitle("layout, partitions").yAxisTitle("× identity topology").build();
        groups.forEach((subject, cats) -> {
            List<Double> values = new ArrayList<>();
            for (String c : categories) {
                int i = cats.indexOf(c);
                values.add(i < 0 ? 0.0 : ratios.get(subject).get(i));
            }
            chart.addSeries(subject, categories, values);
        });
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static void latencyPlot(Path png, BenchResults r) throws IOException {
        List<String> categories = new ArrayList<>();
        Map<String, List<Double>> p99 = new LinkedHashMap<>();
        for (BenchResults.LatencyRow l : r.latency) {
            String category = String.format(Locale.ROOT, "%s %.0f%%", l.guarantee().kafkaName(), 100 * l.load());
            if (!categories.contains(category)) {
                categories.add(category);
            }
            p99.computeIfAbsent(l.subject(), s -> new ArrayList<>()).add(l.p().p99());
        }
        CategoryChart chart = new CategoryChartBuilder().width(900).height(450).title("p99 end-to-end latency")
                .xAxisTitle("guarantee, load").yAxisTitle("ms").build();
        p99.forEach((subject, values) -> chart.addSeries(subject, categories, values));
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    /** The one-minute system load average, or NaN where the platform has none. */
    static double loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? Double.NaN : load;
    }
}
