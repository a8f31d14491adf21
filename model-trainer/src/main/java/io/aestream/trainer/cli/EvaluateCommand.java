package io.aestream.trainer.cli;

import io.aestream.bundle.Json;
import io.aestream.bundle.ModelBundle;
import io.aestream.trainer.data.Dataset;
import io.aestream.trainer.data.RowRange;
import io.aestream.trainer.eval.Evaluation;
import io.aestream.trainer.eval.Figures;
import io.aestream.trainer.eval.FlagRule;
import io.aestream.trainer.eval.PcaBaseline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * {@code evaluate}: ROC-AUC, PR-AUC, best F1 and its threshold, and precision/recall/F1/FAR/MAR at the bundle's
 * threshold on labelled rows — for the model and, beside it, for the PCA baseline stored in the bundle.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, description = "Evaluate a bundle on labelled rows.")
public class EvaluateCommand extends BaseCommand {
    @Mixin
    InputOptions input = new InputOptions();
    @Option(names = "--label-column", required = true, description = "0/1 anomaly labels")
    String labelColumn;
    @Option(names = "--rows", description = "evaluate only rows A:B (global, 0-based, B exclusive)")
    String rows;
    @Option(names = "--flag-rule", defaultValue = "last",
            description = "last: a row takes the score of the frame it ends; all: the lowest score of every frame covering it")
    String flagRule;
    @Option(names = "--json", description = "also write the figures as JSON")
    Path json;

    @Override
    protected int run() throws Exception {
        ModelBundle bundle = input.bundle();
        Dataset data = input.load(bundle, labelColumn);
        FlagRule rule = FlagRule.parse(flagRule);
        RowRange range = rows == null ? new RowRange(0, data.rows()) : RowRange.parse(rows, data.rows());
        Evaluation.Rows m = Evaluation.rows(bundle.newScorer(), data, range, rule);
        Figures model = Figures.of(m.scores(), m.labels(), bundle.manifest().threshold().value());
        PcaBaseline pca = PcaBaseline.read(input.model);
        Evaluation.Rows p = Evaluation.rows(pca.scorer(bundle.manifest().normalizer()), data, range, rule);
        Evaluation result = new Evaluation(bundle.version(), rule.name().toLowerCase(Locale.ROOT), model,
                Figures.of(p.scores(), p.labels(), pca.threshold().value()));
        printTable(out(), result);
        if (json != null) {
            Json.mapper().writeValue(json.toFile(), result);
        }
        return 0;
    }

    static void printTable(PrintWriter w, Evaluation e) {
        w.printf(Locale.ROOT, "%s, flag rule %s%n", e.modelVersion(), e.flagRule());
        w.printf(Locale.ROOT, "%-22s %14s %14s%n", "", "model", "pca baseline");
        line(w, "rows", e, f -> f.rows(), "%14.0f");
        line(w, "anomalous rows", e, f -> f.anomalies(), "%14.0f");
        line(w, "ROC-AUC", e, Figures::rocAuc, "%14.4f");
        line(w, "PR-AUC", e, Figures::prAuc, "%14.4f");
        line(w, "best F1", e, Figures::bestF1, "%14.4f");
        line(w, "best-F1 threshold", e, Figures::bestF1Threshold, "%14.6g");
        line(w, "threshold", e, Figures::threshold, "%14.6g");
        line(w, "precision", e, Figures::precision, "%14.4f");
        line(w, "recall", e, Figures::recall, "%14.4f");
        line(w, "F1", e, Figures::f1, "%14.4f");
        line(w, "FAR %", e, f -> 100 * f.far(), "%14.2f");
        line(w, "MAR %", e, f -> 100 * f.mar(), "%14.2f");
        w.flush();
    }

    private static void line(PrintWriter w, String name, Evaluation e, ToDoubleFunction<Figures> f, String fmt) {
        w.printf(Locale.ROOT, "%-22s " + fmt + " " + fmt + "%n", name, f.applyAsDouble(e.model()), f.applyAsDouble(e.pca()));
    }
}
