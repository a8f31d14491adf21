package io.aestream.trainer.bench;

import io.aestream.bundle.BundleIO;
import io.aestream.bundle.ModelBundle;
import io.aestream.scoring.DenseNetwork;
import io.aestream.trainer.classify.ClassifierFit;
import io.aestream.trainer.classify.LabelledFrames;
import io.aestream.trainer.classify.LearningCurve;
import io.aestream.trainer.cli.ClassifierEvaluation;
import io.aestream.trainer.cli.ClassifierHeadOptions;
import io.aestream.trainer.cli.TrainCommand;
import io.aestream.trainer.data.Dataset;
import io.aestream.trainer.data.RowRange;
import io.aestream.trainer.eval.PcaBaseline;
import io.aestream.trainer.report.LearningCurveTable;
import io.aestream.trainer.train.ClassifierOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * SKAB fault types: which fault an anomalous frame shows, learned from a few labelled frames per class. Each class's
 * experiments (sorted by number) alternate between training and test — first, third, … train; second, fourth, … test —
 * so no experiment is both trained and tested on; {@code other/14} (hot water, one experiment) cannot be split and is
 * left out. The encoder is pre-trained by the exact {@code train} command on the anomaly-free file and every row of
 * the training experiments, labels unread (the extra arguments after {@code --} are passed to it; with
 * {@code --pretrain-on-test} on the test experiments' rows too, still unlabelled). Then, per number of
 * labels per class and seed, the pre-trained classifier, the same network from scratch, and logistic regression on
 * the parent's PCA codes (same size) are trained on labelled anomalous frames drawn from the training experiments and
 * scored (macro-F1) on every anomalous frame of the test experiments. Logistic regression on the normalized sensors
 * themselves is the reference without any code.
 */
@Command(name = "skab-faults", mixinStandardHelpOptions = true, description = "Run the SKAB fault-type learning curve.")
public class SkabFaultTypes implements Callable<Integer> {
    /** Fault classes by the SKAB README: folder and experiment numbers. */
    static final Map<String, List<String>> CLASSES = classes();
    private static final ClassifierOptions DEFAULTS = ClassifierOptions.defaults(0);

    @Option(names = "--data", defaultValue = "../shared/data", description = "folder holding skab/ (default ${DEFAULT-VALUE})")
    Path data;
    @Option(names = "--work", defaultValue = "target/skab-faults", description = "where the parent bundle goes (default ${DEFAULT-VALUE})")
    Path work;
    @Option(names = "--labels-per-class", split = ",", defaultValue = "5,10,20,all")
    List<String> labels;
    @Option(names = "--seeds", defaultValue = "5")
    int seeds;
    @Option(names = "--reuse", description = "keep the parent bundle when the work folder already holds one (same train args)")
    boolean reuse;
    @Option(names = "--pretrain-on-test", description = "pre-train on the test experiments' rows as well (labels unread;"
            + " transductive: the encoder and its normalizer see the unlabelled rows the classifier is tested on)")
    boolean pretrainOnTest;
    @Mixin
    ClassifierHeadOptions head = new ClassifierHeadOptions();
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @CommandLine.Parameters(description = "train options for the pre-trained encoder, e.g. --kind denoising --encoder 32,8")
    List<String> trainArgs = new ArrayList<>();

    public static void main(String[] args) {
        System.exit(new CommandLine(new SkabFaultTypes()).execute(args));
    }

    private static Map<String, List<String>> classes() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("valve1", range("valve1", 0, 15));
        m.put("valve2", range("valve2", 0, 3));
        m.put("leak", range("other", 1, 4));
        m.put("imbalance", range("other", 5, 9));
        m.put("water-amount", range("other", 10, 11));
        m.put("cavitation", range("other", 12, 13));
        return m;
    }

    private static List<String> range(String folder, int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            out.add(folder + "/" + i + ".csv");
        }
        return out;
    }

    @Override
    public Integer call() throws Exception {
        ClassifierOptions options = classifierOptions();
        Path skab = data.resolve("skab");
        List<Path> train = new ArrayList<>();
        List<Path> test = new ArrayList<>();
        List<String> fileClass = new ArrayList<>();
        CLASSES.forEach((name, files) -> {
            for (int i = 0; i < files.size(); i++) {
                (i % 2 == 0 ? train : test).add(skab.resolve(files.get(i)));
            }
        });
        for (List<Path> part : List.of(train, test)) {
            for (Path f : part) {
                fileClass.add(CLASSES.entrySet().stream().filter(e -> e.getValue().contains(skab.relativize(f).toString()))
                        .findFirst().orElseThrow().getKey());
            }
        }
        Path parentDir = work.resolve("parent");
        List<String> args = new ArrayList<>(List.of("--input", skab.resolve("anomaly-free/anomaly-free.csv").toString()));
        train.forEach(f -> args.add(f.toString()));
        if (pretrainOnTest) {
            test.forEach(f -> args.add(f.toString()));
        }
        args.addAll(List.of("--separator", ";", "--columns", SkabExperiments.COLUMNS, "--timestamp-column", "datetime",
                "--out", parentDir.toString(), "--quiet"));
        args.addAll(trainArgs);
        System.out.println("parent: train " + String.join(" ", args));
        long t0 = System.nanoTime();
        if (!(reuse && java.nio.file.Files.exists(parentDir.resolve("manifest.json")))) {
            int rc = new CommandLine(new TrainCommand()).execute(args.toArray(String[]::new));
            if (rc != 0) {
                return rc;
            }
        }
        ModelBundle parent = BundleIO.read(parentDir);
        List<Path> all = new ArrayList<>(train);
        all.addAll(test);
        Dataset d = Dataset.ofTables(all, parent.manifest().frameSpec(), ';', "datetime", "anomaly");
        String[] rowLabels = rowLabels(d, fileClass);
        int trainRows = d.frames().fileStartRow()[train.size()];
        LabelledFrames pool = LabelledFrames.of(d, rowLabels, new RowRange(0, trainRows), "class");
        LabelledFrames held = LabelledFrames.of(d, rowLabels, new RowRange(trainRows, d.rows()), "class", pool.classes());
        ClassifierFit.Start pre = ClassifierFit.Start.pretrained(parent);
        DenseNetwork pca = PcaBaseline.read(parentDir).network();
        Map<LearningCurve.Method, ClassifierFit.Start> starts = new LinkedHashMap<>();
        starts.put(LearningCurve.Method.PRETRAINED, pre);
        starts.put(LearningCurve.Method.SCRATCH, pre.fromScratch(1));
        starts.put(LearningCurve.Method.PCA_LR, pre.withEncoder(pca.layers().subList(0, pca.codeLayer() + 1)));
        starts.put(LearningCurve.Method.INPUT_LR, pre.withEncoder(List.of(identity(pre.normalizer().size()))));
        List<Integer> k = labels.stream().map(ClassifierEvaluation::labels).toList();
        List<LearningCurve.Point> points = LearningCurve.run(starts, d, pool, held, k, seeds, 0.2, options, System.err::println);
        System.out.printf(Locale.ROOT, "SKAB fault types: %d classes %s; labelled frames: %s in %d training experiments, %s in %d test"
                        + " experiments; parent %s (code %d); %d seeds; %.0f s%n", pool.classes().size(), pool.classes(),
                java.util.Arrays.toString(pool.counts()), train.size(), java.util.Arrays.toString(held.counts()), test.size(),
                parent.version(), parent.network().codeSize(), seeds, (System.nanoTime() - t0) / 1e9);
        System.out.println(LearningCurveTable.markdown(points));
        return 0;
    }

    /** The classifier options given, checked before the parent is trained; the batch size and patience are the defaults. */
    private ClassifierOptions classifierOptions() {
        try {
            return head.options(DEFAULTS.batchSize(), DEFAULTS.patience(), 0);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private static io.aestream.scoring.DenseLayer identity(int n) {
        double[][] w = new double[n][n];
        for (int i = 0; i < n; i++) {
            w[i][i] = 1;
        }
        return io.aestream.scoring.DenseLayer.fromInputMajor(w, new double[n], io.aestream.scoring.Activation.IDENTITY);
    }

    /** Per row: its experiment's class where the row is labelled anomalous, else empty. */
    private static String[] rowLabels(Dataset d, List<String> fileClass) {
        boolean[] anomalous = d.rowLabels();
        int[] start = d.frames().fileStartRow();
        String[] out = new String[d.rows()];
        for (int f = 0; f < fileClass.size(); f++) {
            for (int r = start[f]; r < start[f + 1]; r++) {
                out[r] = anomalous[r] ? fileClass.get(f) : "";
            }
        }
        return out;
    }
}
