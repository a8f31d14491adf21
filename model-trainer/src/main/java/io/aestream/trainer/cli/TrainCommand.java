package io.aestream.trainer.cli;

import io.aestream.bundle.Manifest;
import io.aestream.frame.AudioFrameSpec;
import io.aestream.trainer.speech.MaskBundle;
import io.aestream.trainer.speech.MaskReport;
import io.aestream.trainer.speech.MaskTrainer;
import io.aestream.trainer.BundleBuilder;
import io.aestream.trainer.ModelFitter;
import io.aestream.trainer.TrainingRun;
import io.aestream.trainer.calibrate.ThresholdMethod;
import io.aestream.trainer.data.BadInputException;
import io.aestream.trainer.data.Dataset;
import io.aestream.trainer.data.EnumOption;
import io.aestream.trainer.data.InputFiles;
import io.aestream.trainer.data.NoisyAudio;
import io.aestream.trainer.data.NormalizerKind;
import io.aestream.trainer.data.Split;
import io.aestream.trainer.data.TrainingData;
import io.aestream.trainer.data.WavIO;
import io.aestream.trainer.eval.PcaBaseline;
import io.aestream.trainer.model.AutoencoderSpec;
import io.aestream.trainer.model.Corruption;
import io.aestream.trainer.model.EncoderSizes;
import io.aestream.trainer.report.ReportWriter;
import io.aestream.trainer.train.AutoencoderTrainer;
import io.aestream.trainer.train.TrainingListener;
import io.aestream.trainer.train.TrainingSet;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code train}: input files → frames → split → normalizer → model → threshold → bundle (+ zip) and report. */
@Command(name = "train", mixinStandardHelpOptions = true, description = "Train an autoencoder and write a model bundle.")
public class TrainCommand extends BaseCommand {
    @Option(names = "--input", required = true, arity = "1..*", description = "CSV/TSV or WAV files or directories")
    List<Path> inputs;
    @Mixin
    FrameOptions frames = new FrameOptions();
    @Mixin
    ModelOptions model = new ModelOptions();
    @Mixin
    MaskOptions mask = new MaskOptions();
    @Mixin
    ColumnOptions columns = new ColumnOptions();
    @Mixin
    ClassifierCliOptions classifier = new ClassifierCliOptions();
    @ArgGroup(exclusive = true)
    Range range;
    @Option(names = "--validation-fraction", defaultValue = "0.2", description = "share of the training range held out at its end")
    double validationFraction;
    @Option(names = "--normalizer", defaultValue = "standardize",
            description = "standardize, robust (median / IQR), minmax, none or per-frame (each window z-normalized per column:"
                    + " shape anomalies)")
    String normalizer;
    @Option(names = "--threshold", defaultValue = "quantile:0.995",
            description = "quantile:Q, sigma:K, best-f1 or scaled-quantile:Q:F (default ${DEFAULT-VALUE})")
    String threshold;
    @Option(names = "--calibrate-on", defaultValue = "validation", description = "frames the threshold is chosen on: validation or train")
    String calibrateOn;
    @Option(names = "--out", required = true, description = "bundle directory")
    Path out;
    @Option(names = "--zip", description = "also write the bundle as <out>.zip")
    boolean zip;
    @Option(names = "--report", description = "report directory (default <out>-report)")
    Path report;
    @Option(names = "--quiet", description = "no progress bar")
    boolean quiet;

    static class Range {
        @Option(names = "--train-rows", description = "training rows A:B (global row numbers, 0-based, B exclusive)")
        String rows;
        @Option(names = "--train-fraction", description = "training rows: this share of all rows from the start")
        Double fraction;
    }

    private final ModelFitter fitter;

    public TrainCommand() {
        this((spec, set, options, listener) -> new AutoencoderTrainer().fit(spec, set, options, listener));
    }

    /** For tests and benchmarks that bring their own engine. */
    public TrainCommand(ModelFitter fitter) {
        this.fitter = fitter;
    }

    @Override
    protected int run() throws Exception {
        if (model.kind.equalsIgnoreCase("classifier")) {
            return new ClassifierTraining(this).run();
        }
        ThresholdMethod method = ThresholdMethod.parse(threshold);
        TrainingRun.CalibrateOn on = EnumOption.parse(TrainingRun.CalibrateOn.class, "calibrate-on", calibrateOn);
        InputFiles input = InputFiles.expand(inputs);
        Dataset dataset = frames.load(input, rows -> split(rows).fitted());
        if (mask.enabled()) {
            return trainMask(model.spec(model.encoderSizes(dataset.spec().inputSize())), input, dataset);
        }
        Split split = split(dataset.rows());
        NormalizerKind kind = NormalizerKind.parse(normalizer);
        TrainingData data = TrainingData.prepare(dataset, split, columns.plan(kind), model.distribution());
        // sized on the model's input, which leaves out the columns constant in training
        EncoderSizes sizes = model.autoEncoder()
                ? EncoderSizes.knee(PcaBaseline.eigenvalues(data.normalized(data.trainFrames())))
                : model.encoderSizes(data.normalizer().size());
        AutoencoderSpec spec = model.spec(sizes);
        NoisyAudio noisy = noisySource(spec, data);
        if (noisy != null) {
            // the network's inputs are noisy: fit the normalizer on clean and noisy training frames alike
            int[] all = java.util.stream.IntStream.range(0, data.trainFrames().length).toArray();
            data = data.refitWith(noisy.rawNoisy(TrainingSet.Part.TRAIN, all, new java.util.SplittableRandom(model.seed)), kind);
            noisy = noisySource(spec, data);
        }

        TrainingRun run;
        try (ProgressBarListener bar = new ProgressBarListener(System.err)) {
            run = TrainingRun.execute(data, spec, model.trainingOptions(), noisy, method, on, fitter,
                    quiet ? TrainingListener.NONE : bar);
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("trainRows", split.train().toString());
        settings.put("validationRows", split.validation().toString());
        settings.put("normalizer", normalizer.toLowerCase(Locale.ROOT));
        settings.put("calibrateOn", calibrateOn.toLowerCase(Locale.ROOT));
        settings.put("inputFiles", input.files().stream().map(p -> p.getFileName().toString()).toList());
        settings.put("encoderChoice", sizes.reason());
        frames.windowChoice().ifPresent(w -> settings.put("windowChoice", w.reason()));
        Manifest manifest = BundleBuilder.manifest(run, settings, BundleBuilder.dataSha(input.files()), Instant.now());
        Path zipFile = zip ? out.resolveSibling(out.getFileName() + ".zip") : null;
        Manifest written = BundleBuilder.write(out, zipFile, manifest, run);
        Path reportDir = report != null ? report : out.resolveSibling(out.getFileName() + "-report");
        ReportWriter.write(reportDir, run, written, noisy);
        out().printf(Locale.ROOT, "wrote %s (%s): %d training frames, %d epochs, threshold %.6g (%s); report in %s%n",
                out, written.modelVersion(), data.trainFrames().length, run.model().epochsRun(),
                written.threshold().value(), written.threshold().method(), reportDir);
        if (written.columns() != null && !written.columns().constant().isEmpty()) {
            out().printf(Locale.ROOT, "left out, constant on the training rows: %s%n", written.columns().constant().keySet());
        }
        return 0;
    }

    /** {@code --audio-model mask}: every k-th recording (k = 1 / validation fraction) is held out for validation. */
    private int trainMask(AutoencoderSpec spec, InputFiles input, Dataset dataset) throws java.io.IOException {
        AudioFrameSpec maskSpec = mask.spec(dataset);
        List<double[]> train = new java.util.ArrayList<>();
        List<double[]> validation = new java.util.ArrayList<>();
        int every = validationFraction > 0 ? Math.max(2, (int) Math.round(1 / validationFraction)) : Integer.MAX_VALUE;
        for (int i = 0; i < dataset.audio().size(); i++) {
            (i % every == every - 1 ? validation : train).add(dataset.audio().get(i).samples());
        }
        MaskTrainer.Result r = MaskTrainer.train(maskSpec, train, validation,
                MaskOptions.noise(MaskOptions.recordings(spec), maskSpec.sampleRate()), mask.settings(spec, model.trainingOptions()),
                quiet ? line -> { } : err()::println);
        Map<String, Object> hyper = new LinkedHashMap<>(BundleBuilder.hyperParameters(spec, model.trainingOptions()));
        hyper.put("audioModel", "mask");
        hyper.put("encoderSizes", mask.hidden);
        hyper.put("activation", "relu");
        hyper.put("gainRangeDb", mask.gainRangeDb);
        hyper.put("cropSeconds", mask.cropSeconds);
        hyper.put("mixturesPerEpoch", mask.mixturesPerEpoch);
        hyper.put("inputFiles", input.files().stream().map(p -> p.getFileName().toString()).toList());
        Manifest written = MaskBundle.write(out, maskSpec, r, hyper, model.seed, BundleBuilder.dataSha(input.files()),
                BundleBuilder.libraryVersions());
        Path reportDir = report != null ? report : out.resolveSibling(out.getFileName() + "-report");
        MaskReport.write(reportDir, written, r);
        out().printf(Locale.ROOT, "wrote %s (%s): %d recordings for training, %d for validation, %d epochs (best %d), %.0f s;"
                + " report in %s%n", out, written.modelVersion(), train.size(), validation.size(), r.history().size() - 1,
                r.bestEpoch(), r.seconds(), reportDir);
        return 0;
    }

    Split split(int rows) {
        return Split.of(range == null ? null : range.rows, range == null || range.fraction == null ? 1.0 : range.fraction,
                validationFraction, rows);
    }

    private static NoisyAudio noisySource(AutoencoderSpec spec, TrainingData data) {
        AutoencoderSpec objective = spec instanceof AutoencoderSpec.Stacked s ? s.layerObjective() : spec;
        if (!(objective instanceof AutoencoderSpec.Denoising d) || !(d.corruption() instanceof Corruption.Recordings r)) {
            return null;
        }
        if (data.dataset().audio().isEmpty()) {
            throw new BadInputException("corruption recordings: needs WAV input (it mixes noise into the waveform)");
        }
        return new NoisyAudio(data, r.noiseFiles().stream().map(f -> WavIO.read(Path.of(f))).toList(), r.snrMinDb(), r.snrMaxDb());
    }
}
