package io.aestream.launcher.bench;

import io.aestream.stream.config.ProcessingGuarantee;

import java.time.Duration;
import java.util.List;

/**
 * How much {@code aestream bench} measures: the full plan for {@code docs/benchmarks.md}, or the quick one (a
 * smoke run of every code path in well under a minute, whose figures mean little).
 *
 * @param frames     input records per saturated run
 * @param dl4jFrames input records for the per-record DL4J topology (about 2 000 records/s at best)
 * @param latencySets the app's output sets whose latency is measured
 * @param latencyRun how long each paced run sends, after its warm-up
 * @param loads      paced rates as shares of the identity topology's saturated rate
 * @param trainRows  rows of synthetic sensor data the bench models train on
 * @param audioSeconds seconds of audio timed per sample rate
 * @param memoryKeys distinct sources per memory run, the first the reference
 * @param trainingKinds model kinds timed in training on the demo data, the first the reference
 * @param trainingEpochs the most epochs each trains (early stopping may end it sooner)
 * @param clientVariants client settings ({@code name=value}) each tried alone against the app's defaults
 */
record BenchPlan(boolean quick, int frames, int dl4jFrames, List<Integer> partitions, List<Layout> layouts,
                 List<OutputSet> outputSets, List<OutputSet> latencySets, Duration latencyRun, List<Double> loads, List<ProcessingGuarantee> guarantees,
                 int trainRows, int epochs, int audioSeconds, List<Integer> memoryKeys, List<String> trainingKinds,
                 int trainingEpochs, List<String> clientVariants) {

    static BenchPlan fullPlan() {
        return new BenchPlan(false, 200_000, 2_000, List.of(1, 4), List.of(Layout.VECTOR, Layout.WINDOW),
                List.of(OutputSet.values()), List.of(OutputSet.ALL, OutputSet.ALL_BINARY), Duration.ofSeconds(10), List.of(0.5, 0.9),
                List.of(ProcessingGuarantee.AT_LEAST_ONCE, ProcessingGuarantee.EXACTLY_ONCE_V2), 20_000, 5, 60,
                List.of(100, 10_000, 100_000), List.of("undercomplete", "sparse", "denoising", "contractive", "stacked"), 20,
                List.of("max.poll.records=100", "max.poll.records=2000", "linger.ms=0", "linger.ms=20", "batch.size=16384",
                        "compression.type=lz4", "commit.interval.ms=100"));
    }

    static BenchPlan quickPlan() {
        return new BenchPlan(true, 2_000, 100, List.of(1), List.of(Layout.VECTOR), List.of(OutputSet.ALL, OutputSet.ALL_BINARY),
                List.of(OutputSet.ALL), Duration.ofSeconds(1), List.of(0.5), List.of(ProcessingGuarantee.AT_LEAST_ONCE), 500, 1, 1,
                List.of(100), List.of("undercomplete"), 1, List.of("max.poll.records=100"));
    }

    /** Frame layouts the bench runs: 64 features either way. */
    enum Layout {
        /** Every record a frame of 64 columns. */
        VECTOR(64, 1),
        /** Records are rows of 8 columns; the app assembles windows of 8 rows per key (hop 1). */
        WINDOW(8, 8);

        final int columns;
        final int window;

        Layout(int columns, int window) {
            this.columns = columns;
            this.window = window;
        }
    }

    /** The output sets the app runs with (AESTREAM_OUTPUTS), and their encoding (AESTREAM_OUTPUT_FORMAT). */
    enum OutputSet {
        ALL("scores,denoised,anomalies", "json"),
        SCORES("scores", "json"),
        SCORES_ANOMALIES("scores,anomalies", "json"),
        DENOISED("denoised", "json"),
        ALL_BINARY("scores,denoised,anomalies", "binary"),
        SCORES_BINARY("scores", "binary");

        final String setting;
        final String format;

        OutputSet(String setting, String format) {
            this.setting = setting;
            this.format = format;
        }

        /** How the report names the app with this set. */
        String label() {
            return "app: " + setting + (format.equals("json") ? "" : " (" + format + ")");
        }
    }
}
