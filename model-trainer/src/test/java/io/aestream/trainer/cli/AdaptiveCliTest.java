package io.aestream.trainer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.aestream.adaptive.AdaptiveConfig;
import io.aestream.adaptive.AdaptiveResult;
import io.aestream.adaptive.Backtest;
import io.aestream.adaptive.FineTuneConfig;
import io.aestream.adaptive.FineTuneSchedule;
import io.aestream.adaptive.FlagRule;
import io.aestream.adaptive.LikelihoodConfig;
import io.aestream.adaptive.NormalizationConfig;
import io.aestream.adaptive.QuantileThresholdConfig;
import io.aestream.bundle.BundleIO;
import io.aestream.bundle.Json;
import io.aestream.bundle.ModelBundle;
import io.aestream.frame.WindowAssembler;
import io.aestream.frame.WindowFrameSpec;
import io.aestream.frame.WindowState;
import io.aestream.trainer.Synthetic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code score --adaptive}, {@code --key-column} and {@code evaluate}'s early-detection figures on a small window bundle. */
class AdaptiveCliTest {
    private static final AdaptiveConfig FINE_TUNED = AdaptiveConfig.defaults()
            .withNormalization(new NormalizationConfig(1.0, 50, 20))
            .withLikelihood(new LikelihoodConfig(3, 100, 30, 1e-2))
            .withThreshold(new QuantileThresholdConfig(0.95, 200, 0.02, 1.0, 30))
            .withFineTuning(new FineTuneSchedule(40, 5, 64, 32, 0.25, 0.1, new FineTuneConfig(3, 5e-3, 16, 7)));
    @TempDir
    static Path dir;
    private static Path csv;
    private static Path bundle;
    private static Path config;

    @BeforeAll
    static void trainWindowBundle() throws IOException {
        csv = Synthetic.sensors(dir, "s.csv", 400, 330, 350, ';', 4);
        bundle = dir.resolve("model");
        CliRunner t = CliRunner.run("train", "--input", csv.toString(), "--separator", ";", "--columns", "a,b,c",
                "--timestamp-column", "ts", "--label-column", "label", "--train-rows", "0:250", "--layout", "window", "--window", "3",
                "--kind", "undercomplete", "--encoder", "6,2", "--epochs", "5", "--quiet", "--seed", "3", "--out", bundle.toString());
        assertThat(t.exitCode()).as(t.err()).isZero();
        config = dir.resolve("adaptive.json");
        Json.mapper().writeValue(config.toFile(), FINE_TUNED);
    }

    private static List<String> score(Path input, Path out, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("score", "--model", bundle.toString(), "--input", input.toString(), "--separator",
                ";", "--timestamp-column", "ts", "--out", out.toString()));
        args.addAll(List.of(extra));
        CliRunner r = CliRunner.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        return Files.readAllLines(out);
    }

    @Test
    void shouldWriteExactlyTheBacktestsResultsWhenScoringAdaptively() throws IOException {
        // Given the rows framed as the stream frames them, replayed by core's Backtest
        ModelBundle b = BundleIO.read(bundle);
        WindowAssembler assembler = new WindowAssembler((WindowFrameSpec) b.manifest().frameSpec());
        WindowState state = WindowState.empty((WindowFrameSpec) b.manifest().frameSpec());
        List<Backtest.Frame> frames = new ArrayList<>();
        List<String> rows = Files.readAllLines(csv).subList(1, 401);
        for (String row : rows) {
            String[] c = row.split(";");
            double[] frame = assembler.push(state, new double[] {Double.parseDouble(c[1]), Double.parseDouble(c[2]),
                Double.parseDouble(c[3])});
            if (frame != null) {
                frames.add(new Backtest.Frame("s", Long.parseLong(c[0]), frame));
            }
        }
        List<AdaptiveResult> expected = Backtest.replay(b, FINE_TUNED, frames);

        // When the CLI scores the file twice
        List<String> lines = score(csv, dir.resolve("a1.csv"), "--adaptive", config.toString());
        List<String> again = score(csv, dir.resolve("a2.csv"), "--adaptive", config.toString());

        // Then the extra columns follow the usual ones, rows before the first window are empty, and every scored row is
        // the backtest's frame to the last digit, fine-tuned versions included; and a second run writes the same file
        assertThat(lines.get(0)).isEqualTo("index,timestamp,score,threshold,anomaly,top_features,likelihood,model_version");
        assertThat(lines.get(1)).startsWith("0,0,,");
        for (int i = 0; i < expected.size(); i++) {
            String[] c = lines.get(3 + i).split(",");
            AdaptiveResult r = expected.get(i);
            assertThat(List.of(c[1], c[2], c[3], c[4], c[6], c[7])).as("row %d", 2 + i).containsExactly(Long.toString(r.ts()),
                    Double.toString(r.score()), Double.toString(r.threshold()), Boolean.toString(r.anomaly()),
                    Double.toString(r.likelihood()), r.modelVersion());
        }
        assertThat(expected).extracting(AdaptiveResult::modelVersion).contains(b.version() + "+ft1");
        assertThat(again).isEqualTo(lines);
    }

    @Test
    void shouldAdaptEverySourceOnItsOwnWhenKeyColumnInterleavesThem() throws IOException {
        // Given the file's rows as source "x" interleaved with a shifted copy as source "y"
        List<String> rows = Files.readAllLines(csv).subList(1, 401);
        StringBuilder mixed = new StringBuilder("key;ts;a;b;c\n");
        StringBuilder onlyY = new StringBuilder("ts;a;b;c\n");
        for (String row : rows) {
            String[] c = row.split(";");
            String y = c[0] + ";" + (Double.parseDouble(c[1]) + 1) + ";" + c[2] + ";" + c[3];
            mixed.append("x;").append(String.join(";", Arrays.copyOf(c, 4))).append('\n').append("y;").append(y).append('\n');
            onlyY.append(y).append('\n');
        }
        Path mixedCsv = Files.writeString(dir.resolve("mixed.csv"), mixed);
        Path yCsv = Files.writeString(dir.resolve("y.csv"), onlyY);

        // When the mixed file is scored by source, and each source's rows alone
        List<String> byKey = score(mixedCsv, dir.resolve("mixed-scores.csv"), "--adaptive", config.toString(), "--key-column", "key");
        List<String> x = score(csv, dir.resolve("x-scores.csv"), "--adaptive", config.toString());
        List<String> y = score(yCsv, dir.resolve("y-scores.csv"), "--adaptive", config.toString());

        // Then each source's rows carry exactly what that source alone gets
        for (int i = 0; i < rows.size(); i++) {
            assertThat(withoutIndex(byKey.get(1 + 2 * i))).isEqualTo(withoutIndex(x.get(1 + i)));
            assertThat(withoutIndex(byKey.get(2 + 2 * i))).isEqualTo(withoutIndex(y.get(1 + i)));
        }
    }

    private static String withoutIndex(String line) {
        return line.substring(line.indexOf(','));
    }

    @Test
    void shouldReportEarlyDetectionAndTheFlagsScoreWritesWhenEvaluatingAdaptively() throws IOException {
        // Given the flags of the adaptive quantile threshold as score writes them for the evaluated rows
        Path quantile = dir.resolve("quantile.json");
        Json.mapper().writeValue(quantile.toFile(), FINE_TUNED.withFlagRule(FlagRule.ADAPTIVE_THRESHOLD)
                .withThreshold(new QuantileThresholdConfig(0.95, 50, 0.02, 1.0, 30)));
        List<String> scored = score(csv, dir.resolve("e.csv"), "--adaptive", quantile.toString());
        long tp = scored.stream().skip(1 + 250).map(l -> l.split(",")).filter(c -> c[4].equals("true")
                && Integer.parseInt(c[0]) >= 330 && Integer.parseInt(c[0]) < 350).count();
        long flagged = scored.stream().skip(1 + 250).filter(l -> l.split(",")[4].equals("true")).count();

        // When evaluated fixed and adaptively
        Path fixedJson = dir.resolve("fixed.json");
        Path adaptiveJson = dir.resolve("adaptive.json.out");
        CliRunner fixed = CliRunner.run("evaluate", "--model", bundle.toString(), "--input", csv.toString(), "--separator", ";",
                "--label-column", "label", "--rows", "250:", "--json", fixedJson.toString());
        CliRunner adaptive = CliRunner.run("evaluate", "--model", bundle.toString(), "--input", csv.toString(), "--separator", ";",
                "--label-column", "label", "--rows", "250:", "--adaptive", quantile.toString(), "--json", adaptiveJson.toString());

        // Then both tables and JSON carry the three early-detection scores for the model and the baseline
        assertThat(fixed.exitCode()).as(fixed.err()).isZero();
        assertThat(adaptive.exitCode()).as(adaptive.err()).isZero();
        assertThat(fixed.out()).contains("early score standard", "early score low FP", "early score low FN", "pca baseline")
                .doesNotContain("adaptive model");
        assertThat(adaptive.out()).contains("adaptive model", "early score standard");
        JsonNode f = Json.mapper().readTree(fixedJson.toFile());
        JsonNode a = Json.mapper().readTree(adaptiveJson.toFile());
        assertThat(f.get("adaptive").isNull()).isTrue();
        assertThat(a.at("/adaptive/fineTuning/everyFrames").asInt()).isEqualTo(40);
        for (JsonNode n : List.of(f, a)) {
            assertThat(n.at("/early/model/windows").asInt()).isEqualTo(1);
            assertThat(n.at("/early/pca/windows").asInt()).isEqualTo(1);
            assertThat(n.at("/early/model/standard").isNumber()).isTrue();
        }
        // and the adaptive precision is that of the flags score --adaptive writes
        assertThat(flagged).isPositive();
        assertThat(a.at("/model/precision").asDouble()).isEqualTo((double) tp / flagged);
        assertThat(a.at("/model/rocAuc").asDouble()).isNotEqualTo(f.at("/model/rocAuc").asDouble());
        // and the stream's events open on a single flag under the config's alert suppression, as the stream opens them
        assertThat(FINE_TUNED.suppressFrames()).isPositive();
        assertThat(a.at("/streamEvents/openAfter").asInt()).isEqualTo(1);
        assertThat(f.at("/streamEvents/openAfter").asInt()).isEqualTo(3);
        assertThat(a.at("/streamEvents/model/found").asInt()).isPositive();
        CliRunner never = CliRunner.run("evaluate", "--model", bundle.toString(), "--input", csv.toString(), "--separator", ";",
                "--label-column", "label", "--rows", "250:", "--adaptive", quantile.toString(), "--event-open-after", "3");
        assertThat(never.exitCode()).isNotZero();
        assertThat(never.err()).contains("--event-open-after: adaptive detection suppresses the");
    }

    @Test
    void shouldStopWithUsageErrorNamingTheOptionWhenAdaptiveValueIsBad() {
        CliRunner r = CliRunner.run("score", "--model", bundle.toString(), "--input", csv.toString(), "--separator", ";",
                "--adaptive", dir.resolve("missing.json").toString(), "--out", dir.resolve("never.csv").toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: --adaptive: must be on, off or a JSON file");
        assertThat(dir.resolve("never.csv")).doesNotExist();
    }
}
