package io.aestream.launcher.bench;

import io.aestream.launcher.demo.DemoLogging;
import io.aestream.launcher.kafka.LocalKafka;
import org.apache.kafka.common.utils.Utils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code aestream bench}: the stream app's speed beside its references, measured on one in-process broker in one
 * run, written to {@code docs/benchmarks.md} with plots.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure the stream app against its references on a local broker and write docs/benchmarks.md.",
                "Saturated records/s of an identity topology (the app's client settings), the app with each output set and a",
                "topology calling DL4J output() per record, for 1 and 4 partitions, vector and window layouts; p50/p99/p99.9",
                "end-to-end latency at 50 %% and 90 %% of the identity's rate, at-least-once and exactly-once; audio speed on one",
                "core; the app's heap and RSS with 100, 10k and 100k keys and train's time and RSS per model kind, each in its",
                "own JVM. Every figure is reported as a ratio to its reference from the same run. Takes about 20 minutes on two",
                "cores; --quick about two."})
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--quick", description = "A smoke run: tiny inputs, one partition count, vector layout, at-least-once only.")
    boolean quick;

    @Option(names = "--out", defaultValue = "docs/benchmarks.md",
            description = "The report; its plots go to a benchmarks/ folder beside it (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--kafka", paramLabel = "NAME=VALUE",
            description = "A Kafka client setting for every client under test (the app's AESTREAM_KAFKA_<NAME>), to compare "
                    + "client settings; repeatable.")
    Map<String, String> kafkaSettings = new LinkedHashMap<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        DemoLogging.quiet();
        PrintWriter console = spec.commandLine().getOut();
        BenchPlan plan = quick ? BenchPlan.quickPlan() : BenchPlan.fullPlan();
        double loadAtStart = BenchReport.loadAverage();
        Path work = Files.createTempDirectory("aestream-bench-");
        try (LocalKafka kafka = LocalKafka.start()) {
            console.println("broker at " + kafka.bootstrapServers() + "; work folder " + work);
            BenchResults results = new BenchRun(plan, kafka, work, kafkaSettings, console).execute();
            Path parent = out.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            StringBuilder command = new StringBuilder("./aestream bench").append(quick ? " --quick" : "");
            kafkaSettings.forEach((k, v) -> command.append(" --kafka ").append(k).append('=').append(v));
            BenchReport.write(out, plan, results, command.toString(), loadAtStart);
            console.println("report: " + out.toAbsolutePath());
            return 0;
        } finally {
            Utils.delete(work.toFile());
        }
    }
}
