package io.aestream.trainer.cli;

import io.aestream.bundle.BundleIO;
import io.aestream.bundle.Manifest;
import io.aestream.bundle.ModelBundle;
import io.aestream.frame.AudioFrameSpec;
import io.aestream.scoring.Activation;
import io.aestream.trainer.BundleBuilder;
import io.aestream.trainer.classify.ClassifierFit;
import io.aestream.trainer.classify.LabelledFrames;
import io.aestream.trainer.classify.LearningCurve;
import io.aestream.trainer.data.BadInputException;
import io.aestream.trainer.data.CsvFormat;
import io.aestream.trainer.data.Dataset;
import io.aestream.trainer.data.EnumOption;
import io.aestream.trainer.data.InputFiles;
import io.aestream.trainer.data.NormalizerKind;
import io.aestream.trainer.data.RowRange;
import io.aestream.trainer.data.TrainingData;
import io.aestream.trainer.eval.ClassMetrics;
import io.aestream.trainer.model.Architecture;
import io.aestream.trainer.model.AutoencoderWeights;
import io.aestream.trainer.model.NetworkShape;
import io.aestream.trainer.train.ClassifierOptions;
import io.aestream.trainer.train.ClassifierTrainer;
import io.aestream.trainer.train.TrainingListener;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code train --kind classifier}: labelled rows → stratified split → softmax head on the pre-trained encoder (or the
 * same network from scratch) → classifier bundle. Rows whose label cell is empty are not used.
 */
final class ClassifierTraining {
    private final TrainCommand cmd;

    ClassifierTraining(TrainCommand cmd) {
        this.cmd = cmd;
    }

    int run() throws Exception {
        String column = cmd.frames.takeClassColumn();
        if (column == null) {
            throw new IllegalArgumentException("label-column: --kind classifier needs --label-column C (class names; empty ="
                    + " normal or unlabelled)");
        }
        InputFiles input = InputFiles.expand(cmd.inputs);
        if (input.kind() != InputFiles.Kind.TABLE) {
            throw BadInputException.inFile(input.files().get(0), "a classifier is trained on labelled CSV/TSV rows, not audio");
        }
        char sep = CsvFormat.parseSeparator(cmd.frames.separator);
        Dataset data;
        ClassifierFit.Start start;
        if (cmd.classifier.pretrained != null) {
            ModelBundle parent = parent(cmd.classifier.pretrained);
            start = ClassifierFit.Start.pretrained(parent);
            data = Dataset.ofTables(input.files(), parent.manifest().frameSpec(), sep, cmd.frames.timestampColumn, null);
        } else {
            Dataset framed = cmd.frames.load(input, rows -> cmd.split(rows).fitted());
            TrainingData prepared = TrainingData.prepare(framed, cmd.split(framed.rows()),
                    cmd.columns.plan(NormalizerKind.parse(cmd.normalizer)), cmd.model.distribution());
            data = prepared.dataset();
            start = scratch(prepared);
        }
        String[] rowLabels = LabelledFrames.rowLabels(data, sep, column);
        RowRange range = cmd.split(data.rows()).fitted();
        LabelledFrames labelled = LabelledFrames.of(data, rowLabels, range, column);
        ClassifierOptions options = cmd.classifier.options(cmd.model);
        LabelledFrames[] parts = labelled.stratified(cmd.validationFraction, options.seed(), column);
        long t0 = System.nanoTime();
        ClassifierTrainer.Result result;
        try (ProgressBarListener bar = new ProgressBarListener(System.err)) {
            result = ClassifierFit.fit(start, data, parts[0], parts[1], options, cmd.quiet ? TrainingListener.NONE : bar);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        ClassMetrics train = LearningCurve.metrics(result.network(), start.normalizer(), data, parts[0]);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("train_frames", (double) parts[0].frames().length);
        metrics.put("validation_frames", (double) parts[1].frames().length);
        metrics.put("train_accuracy", train.accuracy());
        metrics.put("train_macro_f1", train.macroF1());
        ClassMetrics validation = parts[1].frames().length == 0 ? null
                : LearningCurve.metrics(result.network(), start.normalizer(), data, parts[1]);
        if (validation != null) {
            metrics.put("validation_accuracy", validation.accuracy());
            metrics.put("validation_macro_f1", validation.macroF1());
        }
        metrics.put("training_seconds", seconds);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("labelColumn", column);
        settings.put("labelledRows", range.toString());
        settings.put("validationFraction", cmd.validationFraction);
        settings.put("inputFiles", input.files().stream().map(p -> p.getFileName().toString()).toList());
        Manifest manifest = ClassifierFit.manifest(start, labelled.classes(), result, options, settings, metrics,
                BundleBuilder.dataSha(input.files()), Instant.now());
        Manifest written = BundleIO.write(cmd.out, manifest, result.network(), Map.of());
        if (cmd.zip) {
            BundleIO.zip(cmd.out, cmd.out.resolveSibling(cmd.out.getFileName() + ".zip"));
        }
        cmd.out().printf(Locale.ROOT, "wrote %s (%s): classifier of %s over %s, %s; labelled frames per class %s, %d for validation;"
                        + " %.0f s%n", cmd.out, written.modelVersion(), start.parent() == null ? "an encoder from scratch"
                        : "the encoder of " + start.parent().version(), labelled.classes(),
                start.parent() == null ? "normalizer fitted on rows " + range : "the parent's normalizer and framing",
                Arrays.toString(labelled.counts()), parts[1].frames().length, seconds);
        if (validation != null) {
            validation.print(cmd.out());
        }
        return 0;
    }

    private static ModelBundle parent(Path path) {
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("pretrained: no bundle at " + path);
        }
        ModelBundle parent = BundleIO.read(path);
        if (parent.isClassifier()) {
            throw new IllegalArgumentException("pretrained: " + path + " (" + parent.version() + ") is a classifier, not an anomaly"
                    + " model; pre-train the encoder with train --kind denoising (or undercomplete, sparse, contractive, stacked)");
        }
        if (parent.manifest().frameSpec() instanceof AudioFrameSpec) {
            throw new IllegalArgumentException("pretrained: " + path + " frames audio; a classifier is trained on tabular rows");
        }
        return parent;
    }

    /** The encoder {@code train} would build for these frames (sizes, activation), randomly initialised. */
    private ClassifierFit.Start scratch(TrainingData prepared) {
        int inputs = prepared.normalizer().size();
        Architecture arch = new Architecture(cmd.model.encoderSizes(inputs).sizes(),
                EnumOption.parse(Activation.class, "activation", cmd.model.activation), cmd.model.distribution(), false);
        NetworkShape shape = NetworkShape.of(arch, inputs);
        return new ClassifierFit.Start(AutoencoderWeights.initial(shape, new SplittableRandom(cmd.model.seed)).encoder(shape).layers(),
                prepared.dataset().spec(), prepared.normalizer(), prepared.columns(), null);
    }
}
