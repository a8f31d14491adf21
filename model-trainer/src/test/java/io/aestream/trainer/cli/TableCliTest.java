package io.aestream.trainer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.aestream.bundle.BundleIO;
import io.aestream.bundle.Checksums;
import io.aestream.bundle.Json;
import io.aestream.bundle.Manifest;
import io.aestream.trainer.Synthetic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** train → score → evaluate → denoise → inspect on small synthetic sensor CSVs, with the real engine. */
class TableCliTest {
    @TempDir
    Path dir;

    private static final String[] MODEL = {"--encoder", "8,2", "--epochs", "8", "--batch-size", "32", "--learning-rate", "0.01",
            "--quiet", "--seed", "7"};

    private String[] train(Path csv, Path out, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("train", "--input", csv.toString(), "--separator", ";",
                "--columns", "a,b,c", "--timestamp-column", "ts", "--label-column", "label", "--train-rows", "0:300",
                "--out", out.toString()));
        args.addAll(List.of(MODEL));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    void shouldTrainScoreEvaluateDenoiseAndInspectWhenLayoutIsVector() throws IOException {
        // Given
        Path csv = Synthetic.sensors(dir, "s.csv", 450, 380, 410, ';', 1);
        Path bundle = dir.resolve("model");

        // When training
        CliRunner t = CliRunner.run(train(csv, bundle, "--layout", "vector", "--kind", "sparse", "--l1", "0.001", "--zip"));

        // Then a verified bundle, its zip, a report with valid PNGs, and provenance in the manifest
        assertThat(t.exitCode()).as(t.err()).isZero();
        Manifest m = BundleIO.read(bundle).manifest();
        assertThat(BundleIO.read(dir.resolve("model.zip")).manifest().modelVersion()).isEqualTo(m.modelVersion());
        assertThat(m.modelVersion()).matches("sparse-\\d{8}T\\d{6}Z-[0-9a-f]{8}");
        assertThat(m.trainingDataSha256()).isEqualTo(Checksums.sha256(List.of(csv)));
        assertThat(m.libraryVersions()).containsEntry("deeplearning4j", "1.0.0-M2.1").containsKey("java");
        assertThat(m.model().hyperParameters()).containsEntry("l1", 0.001).containsEntry("trainRows", "0:240");
        assertThat(m.threshold().method()).isEqualTo("quantile");
        assertThat(m.seed()).isEqualTo(7);
        assertThat(m.files()).containsKeys("network.json", "baseline-pca.json");
        Path report = dir.resolve("model-report");
        for (String png : List.of("loss.png", "errors.png", "frames.png", "codes.png")) {
            assertThat(ImageIO.read(report.resolve(png).toFile())).as(png).isNotNull();
        }
        assertThat(Files.readString(report.resolve("report.md"))).contains(m.modelVersion(), "threshold");
        assertThat(m.metrics()).containsEntry("code_size", (double) BundleIO.read(bundle).network().codeSize());

        // encode: one row per frame, index and timestamp as score writes them, then the scorer's code h
        Path codes = dir.resolve("codes.csv");
        assertThat(CliRunner.run("encode", "--model", bundle.toString(), "--input", csv.toString(), "--separator", ";",
                "--timestamp-column", "ts", "--out", codes.toString()).exitCode()).isZero();
        List<String> codeLines = Files.readAllLines(codes);
        int k = BundleIO.read(bundle).network().codeSize();
        assertThat(codeLines).hasSize(451);
        assertThat(codeLines.get(0)).isEqualTo("index,timestamp," + String.join(",",
                java.util.stream.IntStream.rangeClosed(1, k).mapToObj(j -> "h" + j).toList()));
        String[] row389 = codeLines.get(390).split(",");
        assertThat(row389[0]).isEqualTo("389");
        io.aestream.scoring.Scorer scorer = BundleIO.read(bundle).newScorer();
        scorer.score(io.aestream.trainer.data.Dataset.ofTables(List.of(csv), m.frameSpec(), ';', "ts", null).rowValues(389));
        for (int j = 0; j < k; j++) {
            assertThat(Double.parseDouble(row389[2 + j])).isEqualTo(scorer.code()[j]);
        }

        // score: one row per input row; the shifted rows score higher
        Path scores = dir.resolve("scores.csv");
        assertThat(CliRunner.run("score", "--model", bundle.toString(), "--input", csv.toString(), "--separator", ";",
                "--timestamp-column", "ts", "--out", scores.toString()).exitCode()).isZero();
        List<String> lines = Files.readAllLines(scores);
        assertThat(lines).hasSize(451);
        assertThat(lines.get(0)).isEqualTo("index,timestamp,score,threshold,anomaly,top_features");
        String[] shifted = lines.get(390).split(",");
        assertThat(shifted[0]).isEqualTo("389");
        assertThat(shifted[1]).isEqualTo("389");
        assertThat(shifted[4]).isEqualTo("true");
        assertThat(shifted[5]).startsWith("c|");

        // evaluate: model and PCA baseline figures, JSON written
        Path json = dir.resolve("eval.json");
        CliRunner e = CliRunner.run("evaluate", "--model", bundle.toString(), "--input", csv.toString(), "--separator", ";",
                "--label-column", "label", "--rows", "300:", "--json", json.toString());
        assertThat(e.exitCode()).as(e.err()).isZero();
        assertThat(e.out()).contains("ROC-AUC", "pca baseline", "FAR %", "MAR %");
        JsonNode ev = Json.mapper().readTree(json.toFile());
        assertThat(ev.at("/model/rows").asInt()).isEqualTo(150);
        assertThat(ev.at("/model/anomalies").asInt()).isEqualTo(30);
        assertThat(ev.at("/model/rocAuc").asDouble()).isGreaterThan(0.9);
        assertThat(ev.at("/pca/rocAuc").asDouble()).isGreaterThan(0.9);
        // and the events the stream would emit: its defaults for a vector layout (open after 3, close after 5)
        assertThat(e.out()).contains("stream events (open after 3, close after 5 frames)", "event F1 (events)");
        assertThat(ev.at("/streamEvents/closeAfter").asInt()).isEqualTo(5);
        assertThat(ev.at("/streamEvents/model/sequences").asInt()).isEqualTo(ev.at("/events/model/sequences").asInt());
        // how late the alerts come: the event opens at the third flagged frame at the earliest
        assertThat(e.out()).contains("median alert delay (rows)");
        assertThat(ev.at("/streamEvents/model/found").asInt()).isPositive();
        assertThat(ev.at("/streamEvents/modelMedianAlertDelay").asDouble()).isGreaterThanOrEqualTo(2);
        CliRunner longer = CliRunner.run("evaluate", "--model", bundle.toString(), "--input", csv.toString(), "--separator", ";",
                "--label-column", "label", "--rows", "300:", "--event-close-after", "40");
        assertThat(longer.out()).contains("close after 40 frames");
        CliRunner bad = CliRunner.run("evaluate", "--model", bundle.toString(), "--input", csv.toString(), "--separator", ";",
                "--label-column", "label", "--event-close-after", "0");
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.err()).contains("--event-close-after: must be a number >= 1 or auto, got '0'");

        // denoise: same columns and rows, features replaced by reconstructions close to the input on normal rows
        Path denoised = dir.resolve("denoised.csv");
        assertThat(CliRunner.run("denoise", "--model", bundle.toString(), "--input", csv.toString(), "--separator", ";",
                "--out", denoised.toString()).exitCode()).isZero();
        List<String> in = Files.readAllLines(csv);
        List<String> outRows = Files.readAllLines(denoised);
        assertThat(outRows).hasSize(in.size());
        assertThat(outRows.get(0)).isEqualTo(in.get(0));
        String[] a = in.get(11).split(";");
        String[] b = outRows.get(11).split(";");
        assertThat(b[0]).isEqualTo(a[0]);
        assertThat(b[4]).isEqualTo(a[4]);
        assertThat(b[3]).isNotEqualTo(a[3]);
        assertThat(Double.parseDouble(b[3])).isCloseTo(Double.parseDouble(a[3]), within(0.5));

        // inspect
        CliRunner i = CliRunner.run("inspect", "--model", bundle.toString());
        assertThat(i.out()).contains(m.modelVersion(), "sparse", "deeplearning4j", "network.json", "l1");
    }

    @Test
    void shouldLeaveRowsBeforeTheFirstFullWindowUnscoredAndReproduceWithTheSameSeedWhenLayoutIsWindow() throws IOException {
        Path csv = Synthetic.sensors(dir, "w.csv", 400, 340, 360, ';', 2);
        Path first = dir.resolve("w1");
        Path second = dir.resolve("w2");

        CliRunner t = CliRunner.run(train(csv, first, "--layout", "window", "--window", "5", "--hop", "1", "--kind", "denoising",
                "--corruption", "masking:0.2", "--threshold", "sigma:3"));
        CliRunner again = CliRunner.run(train(csv, second, "--layout", "window", "--window", "5", "--hop", "1", "--kind", "denoising",
                "--corruption", "masking:0.2", "--threshold", "sigma:3"));

        assertThat(t.exitCode()).as(t.err()).isZero();
        assertThat(again.exitCode()).isZero();
        assertThat(BundleIO.read(second).manifest().files().get("network.json"))
                .isEqualTo(BundleIO.read(first).manifest().files().get("network.json"));
        assertThat(BundleIO.read(first).manifest().threshold().method()).isEqualTo("mean_k_sigma");

        Path scores = dir.resolve("ws.csv");
        CliRunner.run("score", "--model", first.toString(), "--input", csv.toString(), "--separator", ";", "--out", scores.toString());
        List<String> lines = Files.readAllLines(scores);
        assertThat(lines).hasSize(401);
        assertThat(lines.get(4)).startsWith("3,,,");
        assertThat(lines.get(5).split(",")[2]).isNotEmpty();
        assertThat(lines.get(5).split(",")[5]).matches("[abc]@t-\\d\\|.*");

        CliRunner e = CliRunner.run("evaluate", "--model", first.toString(), "--input", csv.toString(), "--separator", ";",
                "--label-column", "label", "--rows", "300:", "--flag-rule", "all");
        assertThat(e.exitCode()).as(e.err()).isZero();
        assertThat(e.out()).contains("flag rule all");
    }

    @Test
    void shouldStopWithOneMessageNamingFileLineAndColumnAndWriteNoBundleWhenInputIsBad() throws IOException {
        Path csv = Synthetic.sensors(dir, "bad.csv", 50, 0, 0, ';', 3);
        List<String> rows = new java.util.ArrayList<>(Files.readAllLines(csv));
        rows.set(7, rows.get(7).replaceFirst(";[^;]+;", ";oops;"));
        Files.write(csv, rows);
        Path out = dir.resolve("never");

        CliRunner r = CliRunner.run(train(csv, out, "--layout", "vector", "--kind", "undercomplete"));

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("error: file " + csv + ", line 8, column 'a': not a number: 'oops'");
        assertThat(out).doesNotExist();
        assertThat(dir.resolve("never-report")).doesNotExist();

        CliRunner missing = CliRunner.run("train", "--input", csv.toString(), "--separator", ";", "--columns", "a,zz",
                "--kind", "undercomplete", "--out", out.toString());
        assertThat(missing.err()).contains("file " + csv + ", line 1, column 'zz': missing column");
        assertThat(out).doesNotExist();
    }
}
