package io.aestream.trainer.eval.corpus;

import io.aestream.adaptive.AdaptiveConfig;
import io.aestream.bundle.BundleIO;
import io.aestream.bundle.ModelBundle;
import io.aestream.trainer.adaptive.ScoredFrame;
import io.aestream.trainer.adaptive.SourceFrames;
import io.aestream.trainer.cli.TrainerCli;
import io.aestream.trainer.data.CsvFormat;
import io.aestream.trainer.data.Dataset;
import io.aestream.trainer.eval.BinaryMetrics;
import io.aestream.trainer.eval.Counts;
import io.aestream.trainer.eval.PcaBaseline;
import io.aestream.trainer.eval.early.EarlyFigures;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One corpus series through the user's path: {@code train} with the defaults (window layout, {@code --window auto},
 * no model flags) on its anomaly-free head, then scoring of every row by the bundle's fixed threshold, by adaptive
 * configs, and by the bundle's PCA baseline (same code size) at its own fixed threshold; judged on the rows after
 * training.
 */
public final class CorpusRun {
    private final UnivariateCorpus.Series series;
    private final ModelBundle bundle;
    private final SourceFrames frames;
    private final boolean[] labels;

    /** Per evaluated row: raw score, likelihood (NaN without one), flag; with the labels. */
    public record Scored(double[] scores, double[] likelihoods, boolean[] flags, boolean[] labels) {
        public EarlyFigures early() {
            return EarlyFigures.of(flags, labels);
        }

        public double f1() {
            long tp = 0;
            long fp = 0;
            long fn = 0;
            for (int i = 0; i < flags.length; i++) {
                tp += flags[i] && labels[i] ? 1 : 0;
                fp += flags[i] && !labels[i] ? 1 : 0;
                fn += !flags[i] && labels[i] ? 1 : 0;
            }
            return new Counts(tp, fp, flags.length - tp - fp - fn, fn).f1();
        }

        public double scoreAuc() {
            return BinaryMetrics.rocAuc(scores, labels);
        }

        public double likelihoodAuc() {
            return BinaryMetrics.rocAuc(likelihoods, labels);
        }
    }

    public CorpusRun(UnivariateCorpus.Series series, Path dir) throws IOException {
        this.series = series;
        Path csv = series.writeCsv(dir.resolve(series.name() + ".csv"));
        Path out = dir.resolve(series.name() + "-model");
        StringWriter err = new StringWriter();
        int rc = new CommandLine(new TrainerCli()).setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(err))
                .execute("train", "--input", csv.toString(), "--columns", "value", "--timestamp-column", "ts", "--label-column",
                        "label", "--layout", "window", "--window", "auto", "--train-rows", "0:" + series.trainRows(),
                        "--out", out.toString(), "--quiet");
        if (rc != 0) {
            throw new IllegalStateException("train failed on " + series.name() + ": " + err);
        }
        this.bundle = BundleIO.read(out);
        Dataset data = Dataset.ofTables(List.of(csv), bundle.manifest().frameSpec(), CsvFormat.parseSeparator(","), "ts", null);
        this.frames = SourceFrames.of(data, null);
        this.labels = series.labels();
    }

    public ModelBundle bundle() {
        return bundle;
    }

    /** The bundle's model, fixed threshold (empty) or an adaptive config. */
    public Scored model(Optional<AdaptiveConfig> config) {
        return evaluated(ScoredFrame.of(bundle, config, frames));
    }

    /** The PCA baseline stored in the bundle, at its own calibrated threshold. */
    public Scored pca(Path bundleDir) {
        PcaBaseline pca = PcaBaseline.read(bundleDir);
        return evaluated(ScoredFrame.fixed(pca.scorer(bundle.manifest()), pca.threshold(), "pca", frames));
    }

    public Path bundleDir(Path dir) {
        return dir.resolve(series.name() + "-model");
    }

    private Scored evaluated(List<ScoredFrame> scored) {
        int from = series.trainRows();
        int n = labels.length - from;
        double[] scores = new double[n];
        double[] likelihoods = new double[n];
        boolean[] flags = new boolean[n];
        Arrays.fill(likelihoods, Double.NaN);
        for (ScoredFrame s : scored) {
            if (s.row() >= from) {
                scores[s.row() - from] = s.score().score();
                likelihoods[s.row() - from] = s.likelihood() == null ? Double.NaN : s.likelihood();
                flags[s.row() - from] = s.anomaly();
            }
        }
        return new Scored(scores, likelihoods, flags, Arrays.copyOfRange(labels, from, labels.length));
    }
}
