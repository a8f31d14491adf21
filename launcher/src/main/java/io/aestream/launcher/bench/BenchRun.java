package io.aestream.launcher.bench;

import io.aestream.launcher.kafka.LocalKafka;
import io.aestream.stream.config.ProcessingGuarantee;
import io.aestream.stream.config.StreamConfig;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One bench run on one broker: trains the models, then measures saturated throughput (identity topology, the app
 * with each output set, the per-record DL4J topology) per layout and partition count, then latency at paced shares
 * of the identity's saturated rate per processing guarantee, then the audio path's speed on one core.
 */
final class BenchRun {
    private final BenchPlan plan;
    private final LocalKafka kafka;
    private final Path work;
    private final PrintWriter console;
    private final Load load;
    private final Subjects subjects;
    private final BenchResults results = new BenchResults();
    private final Map<BenchPlan.Layout, Path> models = new EnumMap<>(BenchPlan.Layout.class);
    private final Set<String> filled = new HashSet<>();
    private int latencyRuns;

    BenchRun(BenchPlan plan, LocalKafka kafka, Path work, Map<String, String> kafkaSettings, PrintWriter console) {
        this.plan = plan;
        this.kafka = kafka;
        this.work = work;
        this.console = console;
        this.load = new Load(kafka);
        this.subjects = new Subjects(kafka, work.resolve("state"), kafkaSettings);
    }

    BenchResults execute() throws Exception {
        for (BenchPlan.Layout layout : plan.layouts()) {
            models.put(layout, BenchModels.train(layout, work.resolve("models"), plan.trainRows(), plan.epochs()));
            console.println("trained the " + layout.name().toLowerCase(Locale.ROOT) + " model");
        }
        for (BenchPlan.Layout layout : plan.layouts()) {
            warmUp(layout, plan.partitions().get(0));
            for (int partitions : plan.partitions()) {
                throughput(layout, partitions);
            }
        }
        double reference = results.throughput.stream()
                .filter(t -> t.layout() == plan.layouts().get(0) && t.partitions() == plan.partitions().get(0)
                        && t.subject().equals(BenchResults.IDENTITY))
                .findFirst().orElseThrow().perSecond();
        for (ProcessingGuarantee guarantee : plan.guarantees()) {
            for (double share : plan.loads()) {
                latency(guarantee, share, share * reference);
            }
        }
        if (!plan.clientVariants().isEmpty()) {
            clientVariant(null, subjects, plan.loads().get(0) * reference);
            for (String variant : plan.clientVariants()) {
                String[] nameValue = variant.split("=", 2);
                clientVariant(variant, subjects.with(nameValue[0], nameValue[1]), plan.loads().get(0) * reference);
            }
        }
        for (int sampleRate : new int[] {8000, 16000}) {
            AudioSpeed.Result audio = AudioSpeed.measure(sampleRate, plan.audioSeconds());
            results.audio.add(audio);
            console.printf(Locale.ROOT, "audio %5d Hz: %8.0f frames/s, %6.0f x real time on one core%n", sampleRate,
                    audio.framesPerSecond(), audio.realTimeFactor());
        }
        Footprints footprints = new Footprints(kafka, load, subjects, work);
        BenchPlan.Layout stateful = plan.layouts().contains(BenchPlan.Layout.WINDOW) ? BenchPlan.Layout.WINDOW : plan.layouts().get(0);
        for (int keys : plan.memoryKeys()) {
            Footprints.Memory m = footprints.memory(stateful, models.get(stateful), keys);
            results.memory.add(m);
            console.printf(Locale.ROOT, "app with %,7d keys: heap peak %6.1f MiB, after GC %6.1f MiB, RSS peak %6.1f MiB%n", keys,
                    mib(m.footprint().peakHeap()), mib(m.footprint().heapAfterGc()), mib(m.footprint().peakRss()));
        }
        for (Footprints.Training t : footprints.training(plan.trainingKinds(), plan.trainingEpochs(), BenchModels.SEED)) {
            results.training.add(t);
            console.printf(Locale.ROOT, "train %-13s %6.1f s, RSS peak %6.1f MiB%n", t.kind(), t.footprint().seconds(),
                    mib(t.footprint().peakRss()));
        }
        return results;
    }

    static double mib(long bytes) {
        return bytes / 1048576.0;
    }

    /**
     * Runs the identity and the app with every output set once, unrecorded, so the measured runs find the JIT's code
     * for this layout compiled: without it the first client of a section ran up to 2× slower than the same client
     * minutes later in the same JVM, and the identity's run before the apps 2.6× slower than its run after them.
     */
    private void warmUp(BenchPlan.Layout layout, int partitions) throws Exception {
        Path model = models.get(layout);
        String input = filledInput(layout, partitions);
        identity(input, model, partitions);
        for (BenchPlan.OutputSet set : plan.outputSets()) {
            Saturation.measure(load, partitions, appFrames(layout), () -> subjects.app(
                    subjects.appConfig(input, model, set, ProcessingGuarantee.AT_LEAST_ONCE, partitions)));
        }
        console.println("warmed up the " + layout.name().toLowerCase(Locale.ROOT) + " clients");
    }

    private void throughput(BenchPlan.Layout layout, int partitions) throws Exception {
        Path model = models.get(layout);
        String input = filledInput(layout, partitions);
        long appFrames = appFrames(layout);
        double before = identity(input, model, partitions);
        Map<BenchPlan.OutputSet, Double> apps = new EnumMap<>(BenchPlan.OutputSet.class);
        for (BenchPlan.OutputSet set : plan.outputSets()) {
            apps.put(set, Saturation.measure(load, partitions, appFrames, () -> subjects.app(
                    subjects.appConfig(input, model, set, ProcessingGuarantee.AT_LEAST_ONCE, partitions))));
        }
        double after = identity(input, model, partitions);
        // the reference brackets the app's runs: the machine's speed drifts over minutes when others share it
        double identity = Math.sqrt(before * after);
        record(layout, partitions, BenchResults.IDENTITY, identity, identity);
        results.identitySpread.add(new BenchResults.Spread(layout, partitions, before, after));
        apps.forEach((set, app) -> record(layout, partitions, BenchResults.appSubject(set), app, identity));
        String small = input + "-dl4j";
        kafka.createTopics(partitions, List.of(small));
        load.fill(small, layout.columns, plan.dl4jFrames(), Load.KEYS);
        double dl4j = Saturation.measure(load, partitions, plan.dl4jFrames() - (long) Load.KEYS * (layout.window - 1),
                () -> subjects.dl4j(config(small, model, partitions), partitions));
        record(layout, partitions, BenchResults.DL4J, dl4j, identity);
    }

    /** The saturated runs' input topic for this layout and partition count, created and filled on first use. */
    private String filledInput(BenchPlan.Layout layout, int partitions) {
        String input = inputTopic(layout, partitions);
        if (filled.add(input)) {
            kafka.createTopics(partitions, List.of(input));
            load.fill(input, layout.columns, plan.frames(), Load.KEYS);
        }
        return input;
    }

    /** Output records of a saturated app run: one per input row that completes a window. */
    private long appFrames(BenchPlan.Layout layout) {
        return plan.frames() - (long) Load.KEYS * (layout.window - 1);
    }

    private double identity(String input, Path model, int partitions) throws Exception {
        return Saturation.measure(load, partitions, plan.frames(), () -> subjects.identity(config(input, model, partitions), partitions));
    }

    private StreamConfig config(String input, Path model, int partitions) {
        return subjects.appConfig(input, model, BenchPlan.OutputSet.SCORES, ProcessingGuarantee.AT_LEAST_ONCE, partitions);
    }

    private void record(BenchPlan.Layout layout, int partitions, String subject, double perSecond, double identity) {
        results.throughput.add(new BenchResults.Throughput(layout, partitions, subject, perSecond, identity));
        console.printf(Locale.ROOT, "%-6s %d partition(s)  %-36s %9.0f records/s  %5.2f x identity%n",
                layout.name().toLowerCase(Locale.ROOT), partitions, subject, perSecond, perSecond / identity);
    }

    private void latency(ProcessingGuarantee guarantee, double share, double perSecond) throws Exception {
        Path model = models.get(BenchPlan.Layout.VECTOR);
        int columns = BenchPlan.Layout.VECTOR.columns;
        String identityInput = freshTopic();
        Latency.Percentiles identity = Latency.measure(kafka, load, identityInput, columns, perSecond, plan.latencyRun(),
                () -> subjects.identity(subjects.appConfig(identityInput, model, BenchPlan.OutputSet.SCORES, guarantee, 1), 1));
        results.latency.add(new BenchResults.LatencyRow(guarantee, share, perSecond, BenchResults.IDENTITY, identity, identity.p99()));
        for (BenchPlan.OutputSet set : plan.latencySets()) {
            String appInput = freshTopic();
            Latency.Percentiles app = Latency.measure(kafka, load, appInput, columns, perSecond, plan.latencyRun(),
                    () -> subjects.app(subjects.appConfig(appInput, model, set, guarantee, 1)));
            BenchResults.LatencyRow row = new BenchResults.LatencyRow(guarantee, share, perSecond, set.label(), app, identity.p99());
            results.latency.add(row);
            console.printf(Locale.ROOT, "%-15s %3.0f %% load (%6.0f/s)  p99 identity %6.1f ms, %s %6.1f ms: added %6.1f ms%n",
                    guarantee.kafkaName(), 100 * share, perSecond, identity.p99(), set.label(), app.p99(), row.addedP99());
        }
    }

    /** The app with {@code variant}'s settings, on the first throughput input and paced at {@code perSecond}. */
    private void clientVariant(String variant, Subjects with, double perSecond) throws Exception {
        BenchPlan.Layout layout = BenchPlan.Layout.VECTOR;
        Path model = models.get(layout);
        String input = filledInput(layout, plan.partitions().get(0));
        int partitions = plan.partitions().get(0);
        double rate = Saturation.measure(load, partitions, plan.frames(), () -> with.app(
                with.appConfig(input, model, BenchPlan.OutputSet.ALL, ProcessingGuarantee.AT_LEAST_ONCE, partitions)));
        String paced = freshTopic();
        Latency.Percentiles p = Latency.measure(kafka, load, paced, layout.columns, perSecond, plan.latencyRun(),
                () -> with.app(with.appConfig(paced, model, BenchPlan.OutputSet.ALL, ProcessingGuarantee.AT_LEAST_ONCE, 1)));
        results.clientVariants.add(new BenchResults.ClientVariant(variant, rate, p));
        console.printf(Locale.ROOT, "client %-26s %9.0f records/s, p99 %6.1f ms at %6.0f/s%n", variant == null ? "defaults" : variant,
                rate, p.p99(), perSecond);
    }

    /** The saturated runs' input, filled once per layout and partition count. */
    private static String inputTopic(BenchPlan.Layout layout, int partitions) {
        return "in-" + layout.name().toLowerCase(Locale.ROOT) + "-p" + partitions;
    }

    /** A fresh one-partition input topic for a paced run. */
    private String freshTopic() {
        String topic = "latency-in-" + ++latencyRuns;
        kafka.createTopics(1, List.of(topic));
        return topic;
    }
}
