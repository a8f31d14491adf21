package io.aestream.trainer.cli;

import io.aestream.bundle.BundleIO;
import io.aestream.bundle.ModelBundle;
import io.aestream.trainer.classify.MultiClassAnomalies;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code train --kind classifier}: a classifier bundle from a pre-trained encoder or from scratch, and clear errors. */
class ClassifierCliTest {
    private static final String FAST = "--epochs 8 --quiet";
    private static final String FAST_HEAD = "--head-epochs 30 --fine-tune-epochs 30 --quiet";

    @TempDir
    static Path tmp;
    static Path csv;
    static Path parent;
    static String columns;

    @BeforeAll
    static void trainParent() throws IOException {
        MultiClassAnomalies.Data data = MultiClassAnomalies.generate(11, 1500, 12, 0.5);
        csv = tmp.resolve("faults.csv");
        data.writeCsv(csv);
        columns = String.join(",", data.columns());
        parent = tmp.resolve("parent");
        CliRunner r = CliRunner.run(("train --input " + csv + " --columns " + columns + " --encoder 6 --out " + parent + " " + FAST)
                .split(" "));
        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    private static CliRunner classifier(Path input, String extra) {
        return CliRunner.run(("train --kind classifier --label-column fault --input " + input + " " + extra + " " + FAST_HEAD)
                .split(" "));
    }

    @Test
    void shouldTrainAClassifierOnTheParentsEncoderAndRecordItsParent() {
        Path out = tmp.resolve("clf");
        CliRunner r = classifier(csv, "--pretrained " + parent + " --out " + out);

        assertThat(r.exitCode()).as(r.err()).isZero();
        ModelBundle p = BundleIO.read(parent);
        ModelBundle c = BundleIO.read(out);
        assertThat(c.isClassifier()).isTrue();
        assertThat(c.manifest().classifier().classes()).containsExactlyElementsOf(MultiClassAnomalies.CLASSES);
        assertThat(c.manifest().classifier().parentModelVersion()).isEqualTo(p.version());
        assertThat(c.manifest().normalizer()).isEqualTo(p.manifest().normalizer());
        assertThat(c.network().codeLayer()).isEqualTo(p.network().codeLayer());
        c.requireCompatibleWith(p);
        // three shapes at noise 0.5 (a drift's first rows are still near normal): most validation frames named right
        assertThat(c.manifest().metrics().get("validation_macro_f1")).isGreaterThan(0.8);
        assertThat(r.out()).contains("macro-F1").contains("confusion");
    }

    @Test
    void shouldEvaluateAClassifierAndDrawItsLearningCurve() throws IOException {
        Path out = tmp.resolve("clf-eval");
        assertThat(classifier(csv, "--pretrained " + parent + " --train-rows 0:750 --out " + out).exitCode()).isZero();
        Path json = tmp.resolve("eval.json");
        CliRunner r = CliRunner.run(("evaluate --model " + out + " --input " + csv + " --label-column fault --rows 750:1500"
                + " --confusion-png " + tmp.resolve("confusion.png") + " --json " + json + " --labels-per-class 5,all --seeds 2"
                + " --pretrained " + parent + " --pool-rows 0:750 --curve-png " + tmp.resolve("curve.png")).split(" "));

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("accuracy").contains("confusion").contains("| pre-trained |").contains("| from scratch |")
                .contains("| PCA + logistic regression |");
        assertThat(tmp.resolve("confusion.png")).isNotEmptyFile();
        assertThat(tmp.resolve("curve.png")).isNotEmptyFile();
        var report = io.aestream.bundle.Json.mapper().readTree(json.toFile());
        // held-out rows of the same process: the classifier trained on all labels of the first half names them well
        assertThat(report.at("/metrics/confusion").size()).isEqualTo(3);
        assertThat(report.at("/learningCurve").size()).isEqualTo(6);
        double preAll = report.at("/learningCurve/3/macroF1/0").asDouble();
        assertThat(report.at("/learningCurve/3/method").asText()).isEqualTo("PRETRAINED");
        assertThat(preAll).isGreaterThan(0.8);
    }

    @Test
    void shouldRefuseToEvaluateAClassTheClassifierDoesNotKnow() throws IOException {
        Path out = tmp.resolve("clf-unknown");
        assertThat(classifier(csv, "--pretrained " + parent + " --out " + out).exitCode()).isZero();
        Path other = relabel("unknown.csv", l -> l.endsWith(",offset") ? l.replace(",offset", ",leak") : l);
        CliRunner r = CliRunner.run(("evaluate --model " + out + " --input " + other + " --label-column fault").split(" "));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("class [leak] is not one the classifier knows");
    }

    @Test
    void shouldTrainTheSameNetworkFromScratchWithoutPretrained() {
        Path out = tmp.resolve("scratch");
        CliRunner r = classifier(csv, "--columns " + columns + " --encoder 6 --out " + out);

        assertThat(r.exitCode()).as(r.err()).isZero();
        ModelBundle c = BundleIO.read(out);
        assertThat(c.manifest().classifier().pretrained()).isFalse();
        assertThat(c.network().layers().get(0).outputs()).isEqualTo(6);
        assertThat(c.network().outputSize()).isEqualTo(3);
    }

    @Test
    void shouldNameAMissingOrWrongParent() {
        CliRunner missing = classifier(csv, "--pretrained " + tmp.resolve("nowhere") + " --out " + tmp.resolve("x1"));
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("pretrained: no bundle at " + tmp.resolve("nowhere"));

        Path clf = tmp.resolve("clf-as-parent");
        assertThat(classifier(csv, "--pretrained " + parent + " --out " + clf).exitCode()).isZero();
        CliRunner wrong = classifier(csv, "--pretrained " + clf + " --out " + tmp.resolve("x2"));
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).contains("pretrained: " + clf).contains("is a classifier, not an anomaly model");
    }

    @Test
    void shouldRefuseALabelColumnWithOneClass() throws IOException {
        Path one = relabel("one-class.csv", l -> l.endsWith(",") ? l : l.substring(0, l.lastIndexOf(',') + 1) + "offset");
        CliRunner r = classifier(one, "--pretrained " + parent + " --out " + tmp.resolve("x3"));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("label column 'fault': a classifier needs at least two classes, found only 'offset'");
    }

    @Test
    void shouldRefuseAClassThatWouldBeSeenOnlyInValidation() throws IOException {
        boolean[] seen = {false};
        Path rare = relabel("rare.csv", l -> {
            if (!l.endsWith(",drift")) {
                return l;
            }
            String base = l.substring(0, l.lastIndexOf(',') + 1);
            if (seen[0]) {
                return base;
            }
            seen[0] = true;
            return base + "drift";
        });
        CliRunner r = classifier(rare, "--pretrained " + parent + " --out " + tmp.resolve("x4"));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("class 'drift' has 1 labelled frame").contains("not seen only in validation");
    }

    private static Path relabel(String name, java.util.function.UnaryOperator<String> line) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<String> out = new java.util.ArrayList<>(List.of(lines.get(0)));
        lines.subList(1, lines.size()).forEach(l -> out.add(line.apply(l)));
        Path p = tmp.resolve(name);
        Files.write(p, out);
        return p;
    }
}
