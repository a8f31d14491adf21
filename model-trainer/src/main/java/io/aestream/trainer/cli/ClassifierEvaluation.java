package io.aestream.trainer.cli;

import io.aestream.bundle.BundleIO;
import io.aestream.bundle.Json;
import io.aestream.bundle.ModelBundle;
import io.aestream.scoring.DenseNetwork;
import io.aestream.trainer.report.LearningCurveTable;
import io.aestream.trainer.classify.ClassifierFit;
import io.aestream.trainer.classify.LabelledFrames;
import io.aestream.trainer.classify.LearningCurve;
import io.aestream.trainer.data.CsvFormat;
import io.aestream.trainer.data.Dataset;
import io.aestream.trainer.data.RowRange;
import io.aestream.trainer.eval.ClassMetrics;
import io.aestream.trainer.eval.PcaBaseline;
import io.aestream.trainer.report.ClassifierCharts;
import io.aestream.trainer.train.ClassifierOptions;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code evaluate} on a classifier bundle: accuracy, macro-F1, per-class precision/recall and the confusion matrix on
 * the labelled frames of the evaluated rows. With {@code --labels-per-class} it also draws the learning curve: the
 * pre-trained classifier, the same network from scratch and logistic regression on the parent's PCA codes, each
 * trained on that many labelled frames per class of the pool rows, measured on the evaluated rows.
 */
public final class ClassifierEvaluation {
    @Option(names = "--confusion-png", description = "classifier: draw the confusion matrix to this PNG")
    Path confusionPng;
    @Option(names = "--labels-per-class", split = ",", description = "classifier: learning curve at these labels per class, e.g."
            + " 5,10,20,all (needs --pretrained and --pool-rows)")
    List<String> labelsPerClass;
    @Option(names = "--seeds", defaultValue = "5", description = "classifier learning curve: label draws per point (default ${DEFAULT-VALUE})")
    int seeds;
    @Option(names = "--pretrained", description = "classifier learning curve: the parent anomaly-model bundle")
    Path pretrained;
    @Option(names = "--pool-rows", description = "classifier learning curve: rows A:B the training labels are drawn from (keep them"
            + " apart from --rows)")
    String poolRows;
    @Option(names = "--curve-png", description = "classifier learning curve: draw it to this PNG")
    Path curvePng;

    /** What {@code --json} writes. */
    record Report(String modelVersion, ClassMetrics metrics, List<LearningCurve.Point> learningCurve) {
    }

    int execute(ModelBundle bundle, InputOptions input, String column, String rows, Path json, PrintWriter out) throws Exception {
        Dataset data = input.load(bundle, null);
        String[] labels = LabelledFrames.rowLabels(data, CsvFormat.parseSeparator(input.separator), column);
        RowRange range = rows == null ? new RowRange(0, data.rows()) : RowRange.parse(rows, data.rows());
        List<String> classes = bundle.manifest().classifier().classes();
        LabelledFrames test = LabelledFrames.of(data, labels, range, column, classes);
        if (test.frames().length == 0) {
            throw new IllegalArgumentException("label-column: no labelled frame in rows " + range);
        }
        ClassMetrics metrics = LearningCurve.metrics(bundle.network(), bundle.manifest().normalizer(), data, test);
        out.printf("%s on rows %s%n", bundle.version(), range);
        metrics.print(out);
        if (confusionPng != null) {
            ClassifierCharts.confusion(metrics, confusionPng);
        }
        List<LearningCurve.Point> curve = labelsPerClass == null ? null : curve(bundle, data, labels, column, test);
        if (curve != null) {
            out.println(LearningCurveTable.markdown(curve));
            if (curvePng != null) {
                ClassifierCharts.learningCurve(curve, curvePng);
            }
        }
        out.flush();
        if (json != null) {
            Json.mapper().writeValue(json.toFile(), new Report(bundle.version(), metrics, curve));
        }
        return 0;
    }

    private List<LearningCurve.Point> curve(ModelBundle bundle, Dataset data, String[] labels, String column, LabelledFrames test) {
        if (pretrained == null || poolRows == null) {
            throw new IllegalArgumentException("labels-per-class: the learning curve needs --pretrained PARENT and --pool-rows A:B");
        }
        ModelBundle parent = BundleIO.read(pretrained);
        bundle.requireCompatibleWith(parent);
        LabelledFrames pool = LabelledFrames.of(data, labels, RowRange.parse(poolRows, data.rows()), column,
                bundle.manifest().classifier().classes());
        ClassifierFit.Start pre = ClassifierFit.Start.pretrained(parent);
        DenseNetwork pca = PcaBaseline.read(pretrained).network();
        Map<LearningCurve.Method, ClassifierFit.Start> starts = new LinkedHashMap<>();
        starts.put(LearningCurve.Method.PRETRAINED, pre);
        starts.put(LearningCurve.Method.SCRATCH, pre.fromScratch(bundle.manifest().seed()));
        starts.put(LearningCurve.Method.PCA_LR, pre.withEncoder(pca.layers().subList(0, pca.codeLayer() + 1)));
        List<Integer> k = labelsPerClass.stream().map(ClassifierEvaluation::labels).toList();
        return LearningCurve.run(starts, data, pool, test, k, seeds, 0.2, options(bundle), line -> { });
    }

    /** The classifier's own training settings, as its manifest records them. */
    private static ClassifierOptions options(ModelBundle bundle) {
        Map<String, Object> h = bundle.manifest().model().hyperParameters();
        ClassifierOptions d = ClassifierOptions.defaults(bundle.manifest().seed());
        return new ClassifierOptions(number(h, "hidden", d.hidden()).intValue(), number(h, "headEpochs", d.headEpochs()).intValue(),
                number(h, "fineTuneEpochs", d.fineTuneEpochs()).intValue(), number(h, "learningRate", d.learningRate()).doubleValue(),
                number(h, "fineTuneRate", d.fineTuneRate()).doubleValue(), number(h, "batchSize", d.batchSize()).intValue(),
                number(h, "patience", d.patience()).intValue(), d.seed());
    }

    private static Number number(Map<String, Object> h, String key, Number fallback) {
        return h.get(key) instanceof Number n ? n : fallback;
    }

    public static int labels(String text) {
        if (text.equalsIgnoreCase("all")) {
            return LearningCurve.ALL;
        }
        try {
            int k = Integer.parseInt(text.trim());
            if (k < 2) {
                throw new IllegalArgumentException("labels-per-class: at least 2 (one to train, one to validate), got " + k);
            }
            return k;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("labels-per-class: expected counts or all, got '" + text + "'", e);
        }
    }
}
