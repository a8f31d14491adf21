package io.aestream.launcher.bench;

import io.aestream.launcher.demo.DemoModels;
import io.aestream.launcher.demo.data.ExampleData;
import io.aestream.launcher.kafka.LocalKafka;
import io.aestream.stream.StreamApp;
import io.aestream.stream.config.ProcessingGuarantee;
import io.aestream.stream.config.Settings;
import org.apache.kafka.clients.admin.Admin;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Memory and training cost, each measured in its own JVM ({@link ChildJvm}) so nothing of the broker or the load
 * generator is counted: the app's heap and RSS while it takes a window-layout stream from many distinct sources
 * (every source's window ring in the store), and wall time and peak RSS of {@code train} per model kind on the demo's
 * sensor data with the demo's options.
 */
final class Footprints {
    /** The app's heap limit in these runs: what a small container would give it. */
    static final String APP_HEAP = "-Xmx512m";
    static final String TRAIN_HEAP = "-Xmx2g";
    private static final int PARTITIONS = 4;
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    /** One app run: {@code keys} distinct sources, one frame each. */
    record Memory(BenchPlan.Layout layout, int keys, ChildJvm.Footprint footprint) { }

    /** One {@code train} run of {@code kind}. */
    record Training(String kind, ChildJvm.Footprint footprint) { }

    private final LocalKafka kafka;
    private final Load load;
    private final Subjects subjects;
    private final Path work;

    Footprints(LocalKafka kafka, Load load, Subjects subjects, Path work) {
        this.kafka = kafka;
        this.load = load;
        this.subjects = subjects;
        this.work = work;
    }

    /** The app (all outputs, at-least-once) on {@code keys} sources × one window each of {@code layout}'s model. */
    Memory memory(BenchPlan.Layout layout, Path model, int keys) throws IOException, InterruptedException {
        String input = "keys-" + keys;
        kafka.createTopics(PARTITIONS, List.of(input));
        load.fill(input, layout.columns, keys * layout.window, keys);
        Map<String, String> env = subjects.appSettings(input, model, BenchPlan.OutputSet.ALL, ProcessingGuarantee.AT_LEAST_ONCE,
                PARTITIONS);
        String scores = env.get(Settings.SCORES_TOPIC);
        try (Admin admin = load.admin();
             ChildJvm app = ChildJvm.start(work.resolve("footprints"), "app-" + keys, env, List.of(APP_HEAP),
                     StreamApp.class.getName(), List.of())) {
            return new Memory(layout, keys, app.await(() -> frames(admin, scores) >= keys, TIMEOUT));
        }
    }

    private long frames(Admin admin, String topic) {
        try {
            return load.count(admin, topic, PARTITIONS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Long.MAX_VALUE;
        }
    }

    /** {@code train} of each kind in {@code kinds}, on demo data written once, {@code epochs} at most. */
    List<Training> training(List<String> kinds, int epochs, long seed) throws IOException, InterruptedException {
        Path dir = work.resolve("footprints");
        ExampleData.Files data = ExampleData.write(ExampleData.Plan.defaults(seed), dir.resolve("demo-data"));
        List<Training> rows = new ArrayList<>();
        for (String kind : kinds) {
            List<String> args = new ArrayList<>(List.of("train", "--kind", kind, "--out", dir.resolve("model-" + kind).toString()));
            args.addAll(DemoModels.sensorArgs(data.trainingCsv(), epochs, seed));
            try (ChildJvm train = ChildJvm.start(dir, "train-" + kind, Map.of(), List.of(TRAIN_HEAP),
                    io.aestream.launcher.Main.class.getName(), args)) {
                rows.add(new Training(kind, train.await(() -> false, TIMEOUT)));
            }
        }
        return rows;
    }
}
