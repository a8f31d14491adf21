package io.aestream.trainer.bench.explore;

import io.aestream.bundle.BundleIO;
import io.aestream.bundle.ModelBundle;
import io.aestream.scoring.DenseNetwork;
import io.aestream.scoring.ForwardPass;
import io.aestream.scoring.Normalizer;
import io.aestream.trainer.bench.SkabExperiments;
import io.aestream.trainer.calibrate.Calibrator;
import io.aestream.trainer.data.Dataset;
import io.aestream.trainer.data.FrameSet;
import io.aestream.trainer.data.RowRange;
import io.aestream.trainer.eval.Evaluation;
import io.aestream.trainer.eval.Figures;
import io.aestream.trainer.eval.FlagRule;
import io.aestream.trainer.eval.PcaBaseline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Exploration tool, test-scoped (not product code): the SKAB protocol of {@code SkabBenchmark} ({@link SkabExperiments}),
 * training once per file and scoring the same bundle (and PCA baselines) with many residual scores. Every threshold is
 * 4/3 × q0.999 of the variant's own training-frame scores; rows judged three ways: the test rows under
 * {@code all-in-range}, every row under {@code skab-notebook}, and the test rows under {@code skab-notebook}.
 * Usage: ExploreSkab WORK REUSE(true|false) PCA_KS(e.g. 8,16) [train args...]
 */
public final class ExploreSkab {
    private static final int TRAIN_ROWS = 400;

    private ExploreSkab() {
    }

    public static void main(String[] argv) throws IOException {
        boolean reuse = Boolean.parseBoolean(argv[1]);
        List<Integer> pcaKs = Stream.of(argv[2].split(",")).filter(x -> !x.isBlank()).map(Integer::parseInt).toList();
        SkabExperiments skab = new SkabExperiments(Path.of("../shared/data/skab"), Path.of(argv[0]), TRAIN_ROWS,
                List.of(argv).subList(3, argv.length));
        List<Path> files = skab.files();
        Map<String, List<Evaluation.Rows>> acc = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        for (Path f : files) {
            Path out = skab.bundleDir(f);
            if (!(reuse && Files.exists(out.resolve("manifest.json"))) && skab.train(f, out) != 0) {
                throw new IllegalStateException("train failed on " + f);
            }
            ModelBundle bundle = BundleIO.read(out);
            Dataset d = skab.dataset(f, bundle.manifest().frameSpec());
            Normalizer norm = bundle.manifest().normalizer();
            FrameSet fs = d.frames();
            double[][] z = new double[fs.size()][];
            for (int i = 0; i < z.length; i++) {
                z[i] = new double[fs.frames()[i].length];
                norm.normalize(fs.frames()[i], z[i]);
            }
            int[] train = trainFrames(fs, d.rowLabels());
            Map<String, DenseNetwork> nets = new LinkedHashMap<>();
            nets.put("ae", bundle.network());
            nets.put("pca-bundle", PcaBaseline.read(out).network());
            double[][] zTrain = new double[train.length][];
            for (int i = 0; i < train.length; i++) {
                zTrain[i] = z[train[i]];
            }
            for (int k : pcaKs) {
                nets.put("pca" + k, PcaBaseline.fit(zTrain, k));
            }
            RowRange test = new RowRange(TRAIN_ROWS, d.rows());
            for (var net : nets.entrySet()) {
                score(net.getKey(), net.getValue(), z, train, fs, d.rowLabels(), test, acc);
            }
            System.err.printf(Locale.ROOT, "%s done, %.0f s%n", out.getFileName(), (System.nanoTime() - t0) / 1e9);
        }
        System.out.printf(Locale.ROOT, "SKAB explore, %d files, train args %s, %.0f s%n", files.size(), skab.trainArgs(),
                (System.nanoTime() - t0) / 1e9);
        System.out.println("| rows judged | scorer | score | F1 @1 | FAR% @1 | MAR% @1 | F1 @1.333 | FAR% @1.333 | F1 @2 | FAR% @2 | AUC "
                + "| oracle scale (FAR<=10%, TEST-TUNED) | F1 | FAR% | MAR% |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (var e : acc.entrySet()) {
            Evaluation.Rows all = Evaluation.Rows.concat(e.getValue());
            Figures a = Figures.of(all.scores(), all.labels(), 1);
            Figures b = Figures.of(all.scores(), all.labels(), 4.0 / 3);
            Figures c = Figures.of(all.scores(), all.labels(), 2);
            double bestScale = Double.NaN;
            Figures best = null;
            for (double s = 0.25; s < 400; s *= 1.02) {
                Figures g = Figures.of(all.scores(), all.labels(), s);
                if (g.far() <= 0.10 && (best == null || g.f1() > best.f1())) {
                    best = g;
                    bestScale = s;
                }
            }
            String[] key = e.getKey().split("/");
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %.3f | %.2f | %.2f | %.3f | %.2f | %.3f | %.2f | %.3f | %.2f | %.3f | %.2f | %.2f |%n",
                    key[0], key[1], key[2], a.f1(), 100 * a.far(), 100 * a.mar(), b.f1(), 100 * b.far(), c.f1(), 100 * c.far(),
                    a.rocAuc(), bestScale, best == null ? Double.NaN : best.f1(), best == null ? Double.NaN : 100 * best.far(),
                    best == null ? Double.NaN : 100 * best.mar());
        }
    }

    /** Frames wholly in the training rows and covering no labelled row (as the trainer selects them). */
    private static int[] trainFrames(FrameSet fs, boolean[] labels) {
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < fs.size(); i++) {
            if (fs.lastRow()[i] < TRAIN_ROWS) {
                boolean clean = true;
                for (int r = fs.firstRow()[i]; r <= fs.lastRow()[i]; r++) {
                    clean &= !labels[r];
                }
                if (clean) {
                    keep.add(i);
                }
            }
        }
        return keep.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void score(String name, DenseNetwork net, double[][] z, int[] train, FrameSet fs, boolean[] labels,
                              RowRange test, Map<String, List<Evaluation.Rows>> acc) {
        ForwardPass fp = new ForwardPass(net);
        int n = z.length;
        int dim = z[0].length;
        int cols = dim / (fs.lastRow()[0] - fs.firstRow()[0] + 1);
        double[][] err = new double[n][dim];
        double[][][] resid = new double[n][dim / cols][cols];
        double[] outBuf = new double[dim];
        for (int i = 0; i < n; i++) {
            fp.reconstruct(z[i], outBuf);
            for (int j = 0; j < dim; j++) {
                double r = z[i][j] - outBuf[j];
                err[i][j] = r * r;
                resid[i][j / cols][j % cols] = r;
            }
        }
        double[][] trainErr = new double[train.length][];
        double[][][] trainResid = new double[train.length][][];
        for (int i = 0; i < train.length; i++) {
            trainErr[i] = err[train[i]];
            trainResid[i] = resid[train[i]];
        }
        ScoreVariants.Fit fit = ScoreVariants.Fit.of(trainErr, trainResid, cols);
        List<Map<String, Double>> perFrame = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            perFrame.add(ScoreVariants.all(err[i], resid[i], fit));
        }
        for (String v : perFrame.get(0).keySet()) {
            double[] s = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = perFrame.get(i).get(v);
            }
            double[] ts = new double[train.length];
            for (int i = 0; i < train.length; i++) {
                ts[i] = s[train[i]];
            }
            double thr = 4.0 / 3 * Calibrator.quantile(ts, 0.999);
            for (int i = 0; i < n; i++) {
                s[i] /= thr;
            }
            double[] rows = FlagRule.ALL_IN_RANGE.rowScores(fs, s, test);
            acc.computeIfAbsent("test/" + name + "/" + v, k -> new ArrayList<>()).add(Evaluation.Rows.select(rows, labels, test));
            double[] notebook = FlagRule.SKAB_NOTEBOOK.rowScores(fs, s);
            acc.computeIfAbsent("notebook/" + name + "/" + v, k -> new ArrayList<>())
                    .add(Evaluation.Rows.select(notebook, labels, new RowRange(0, fs.rows())));
            acc.computeIfAbsent("notebook-rule-test-rows/" + name + "/" + v, k -> new ArrayList<>())
                    .add(Evaluation.Rows.select(notebook, labels, test));
        }
    }
}
