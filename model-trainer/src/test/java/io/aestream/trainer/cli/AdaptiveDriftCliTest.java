package io.aestream.trainer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.aestream.bundle.Json;
import io.aestream.trainer.eval.early.DriftBenchmark;
import io.aestream.trainer.eval.early.SyntheticDriftSuite;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #5's acceptance through the CLI, on the synthetic drift suite (smaller than the core-level
 * {@code AdaptiveVersusFixedTest}): per seed, {@code train} a linear autoencoder on the fault-free first 15 % of the rows,
 * then {@code evaluate} the rest fixed and with {@code --adaptive} (the shipped defaults), and {@code score --adaptive}
 * for the likelihood. Averaged over three seeds.
 */
class AdaptiveDriftCliTest {
    private static final int LENGTH = 4000;
    private static final List<Run> RUNS = new ArrayList<>();
    @TempDir
    static Path dir;

    /** One seed's evaluations and the adaptive per-row outputs of the evaluated rows. */
    private record Run(JsonNode fixed, JsonNode adaptive, double[] scores, double[] likelihoods, boolean[] labels) { }

    @BeforeAll
    static void trainAndEvaluateEverySeed() throws IOException {
        for (long seed : DriftBenchmark.seeds().subList(0, 3)) {
            SyntheticDriftSuite.Series series = SyntheticDriftSuite.generate(seed, LENGTH);
            Path csv = series.writeCsv(dir.resolve("drift-" + seed + ".csv"));
            Path model = dir.resolve("model-" + seed);
            String columns = String.join(",", IntStream.range(0, SyntheticDriftSuite.CHANNELS).mapToObj(j -> "x" + j).toList());
            run("train", "--input", csv.toString(), "--columns", columns, "--timestamp-column", "ts", "--label-column", "label",
                    "--train-rows", "0:" + series.trainRows(), "--layout", "vector", "--kind", "undercomplete", "--encoder", "2", "--activation", "identity",
                    "--epochs", "60", "--learning-rate", "0.01", "--quiet", "--seed", Long.toString(seed), "--out", model.toString());
            String rows = series.trainRows() + ":";
            Path fixed = dir.resolve("fixed-" + seed + ".json");
            Path adaptive = dir.resolve("adaptive-" + seed + ".json");
            run("evaluate", "--model", model.toString(), "--input", csv.toString(), "--label-column", "label", "--rows", rows,
                    "--json", fixed.toString());
            run("evaluate", "--model", model.toString(), "--input", csv.toString(), "--label-column", "label", "--rows", rows,
                    "--adaptive", "--json", adaptive.toString());
            Path scores = dir.resolve("scores-" + seed + ".csv");
            run("score", "--model", model.toString(), "--input", csv.toString(), "--adaptive", "on", "--out", scores.toString());
            List<String[]> lines = Files.readAllLines(scores).stream().skip(1 + series.trainRows()).map(l -> l.split(",")).toList();
            RUNS.add(new Run(Json.mapper().readTree(fixed.toFile()), Json.mapper().readTree(adaptive.toFile()),
                    lines.stream().mapToDouble(l -> Double.parseDouble(l[2])).toArray(),
                    lines.stream().mapToDouble(l -> Double.parseDouble(l[6])).toArray(),
                    java.util.Arrays.copyOfRange(series.labels(), series.trainRows(), LENGTH)));
        }
        for (String p : List.of("standard", "lowFp", "lowFn")) {
            System.out.printf("CLI drift suite early score %s (mean of %d seeds): fixed %.1f, adaptive %.1f%n", p, RUNS.size(),
                    mean(r -> r.fixed().at("/early/model/" + p).asDouble()), mean(r -> r.adaptive().at("/early/model/" + p).asDouble()));
        }
        System.out.printf("CLI drift suite F1: fixed %.3f, adaptive %.3f; FAR %%: fixed %.2f, adaptive %.2f; faults found %.1f of %.1f%n",
                mean(r -> r.fixed().at("/model/f1").asDouble()), mean(r -> r.adaptive().at("/model/f1").asDouble()),
                mean(r -> 100 * r.fixed().at("/model/far").asDouble()), mean(r -> 100 * r.adaptive().at("/model/far").asDouble()),
                mean(r -> r.adaptive().at("/early/model/detected").asDouble()), mean(r -> r.adaptive().at("/early/model/windows").asDouble()));
        for (double recall : new double[] {0.3, 0.5}) {
            System.out.printf("CLI drift suite false alarms at recall %.1f: raw score %.0f, likelihood %.0f%n", recall,
                    mean(r -> DriftBenchmark.falseAlarmsAtRecall(r.scores(), r.labels(), recall)),
                    mean(r -> DriftBenchmark.falseAlarmsAtRecall(r.likelihoods(), r.labels(), recall)));
        }
    }

    private static void run(String... args) {
        CliRunner r = CliRunner.run(args);
        assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r.err()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"standard", "lowFp", "lowFn"})
    void shouldBeatFixedOnEarlyDetectionScoreWhenSeriesDrift(String profile) {
        // Given the evaluations of every seed
        // When their early-detection scores are averaged
        double fixed = mean(r -> r.fixed().at("/early/model/" + profile).asDouble());
        double adaptive = mean(r -> r.adaptive().at("/early/model/" + profile).asDouble());

        // Then the adaptive detector beats the fixed one, and the null detector
        assertThat(adaptive).isGreaterThan(fixed).isPositive();
    }

    @Test
    void shouldAlertOncePerChangeInsteadOfFlaggingDriftWhenSeriesDrift() {
        // the defaults suppress repeated flags (one change, one alert), so point-wise F1 is not their measure: the share
        // of normal rows flagged is, next to the faults found
        double fixedFar = mean(r -> r.fixed().at("/model/far").asDouble());
        double adaptiveFar = mean(r -> r.adaptive().at("/model/far").asDouble());

        assertThat(adaptiveFar).isLessThan(fixedFar / 100);
        assertThat(mean(r -> r.adaptive().at("/early/model/detected").asDouble()))
                .isGreaterThanOrEqualTo(0.5 * mean(r -> r.adaptive().at("/early/model/windows").asDouble()));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.3, 0.5})
    void shouldRaiseFewerFalseAlarmsWithLikelihoodWhenRecallIsEqual(double recall) {
        // Given the adaptive score and likelihood of every evaluated row
        // When each is cut where it reaches the same recall
        double raw = mean(r -> DriftBenchmark.falseAlarmsAtRecall(r.scores(), r.labels(), recall));
        double likelihood = mean(r -> DriftBenchmark.falseAlarmsAtRecall(r.likelihoods(), r.labels(), recall));

        // Then the likelihood needs fewer false alarms
        assertThat(likelihood).isLessThan(raw);
    }

    private static double mean(ToDoubleFunction<Run> metric) {
        return RUNS.stream().mapToDouble(metric).average().orElseThrow();
    }
}
