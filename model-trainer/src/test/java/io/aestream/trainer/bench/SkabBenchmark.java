package io.aestream.trainer.bench;

import io.aestream.bundle.BundleIO;
import io.aestream.bundle.ModelBundle;
import io.aestream.scoring.EventDetector;
import io.aestream.trainer.data.Dataset;
import io.aestream.trainer.data.EnumOption;
import io.aestream.trainer.data.RowRange;
import io.aestream.trainer.eval.AlertFigures;
import io.aestream.trainer.eval.Evaluation;
import io.aestream.trainer.eval.EventFigures;
import io.aestream.trainer.eval.Figures;
import io.aestream.trainer.eval.FlagRule;
import io.aestream.trainer.eval.PcaBaseline;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * The SKAB outlier-detection protocol: for every experiment file, {@code train} on its first 400 rows (the
 * exact CLI command, see {@link SkabExperiments}), score the rest with the bundle and its PCA baseline, concatenate all files'
 * test rows and report F1, FAR and MAR. Extra arguments after {@code --} are passed to {@code train}.
 * {@code --judge-rows all --flag-rule skab-notebook} reproduces instead the convention of SKAB's own Conv-AE notebook,
 * behind its leaderboard: every row of every file judged, the 400 training rows included.
 */
@Command(name = "skab", mixinStandardHelpOptions = true, description = "Run the SKAB outlier-detection benchmark.")
public class SkabBenchmark implements Callable<Integer> {
    @Option(names = "--work", defaultValue = "target/skab", description = "where bundles go (default ${DEFAULT-VALUE})")
    Path work;
    @Option(names = "--flag-rule", defaultValue = "all-in-range",
            description = "last, all, all-in-range or skab-notebook (default ${DEFAULT-VALUE})")
    String flagRule;
    @Option(names = "--judge-rows", defaultValue = "test",
            description = "test: only rows after the training rows; all: every row of the file (default ${DEFAULT-VALUE})")
    String judgeRows;
    @Option(names = "--threshold-scales", split = ",", defaultValue = "1",
            description = "also report flags at these multiples of each file's threshold (default ${DEFAULT-VALUE})")
    List<Double> scales;
    @Option(names = "--event-open-after", defaultValue = "auto",
            description = "flagged frames that open a stream event, as AESTREAM_EVENT_OPEN_AFTER (default ${DEFAULT-VALUE})")
    String eventOpenAfter;
    @Option(names = "--event-close-after", defaultValue = "auto",
            description = "clean frames that close a stream event, as AESTREAM_EVENT_CLOSE_AFTER (default ${DEFAULT-VALUE})")
    String eventCloseAfter;
    @CommandLine.Mixin
    SkabRunOptions run = new SkabRunOptions();

    public static void main(String[] args) {
        System.exit(new CommandLine(new SkabBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        SkabExperiments skab = run.experiments(work);
        List<Path> files = skab.files();
        FlagRule rule = FlagRule.parse(flagRule);
        JudgeRows judged = EnumOption.parse(JudgeRows.class, "judge rows", judgeRows);
        List<Evaluation.Rows> model = new ArrayList<>();
        List<Evaluation.Rows> pca = new ArrayList<>();
        List<Stream> modelStream = new ArrayList<>();
        List<Stream> pcaStream = new ArrayList<>();
        long t0 = System.nanoTime();
        for (Path f : files) {
            Path out = skab.bundleDir(f);
            int rc = run.trainUnlessReused(skab, f, out);
            if (rc != 0) {
                return rc;
            }
            ModelBundle bundle = BundleIO.read(out);
            Dataset d = skab.dataset(f, bundle.manifest().frameSpec());
            RowRange rows = new RowRange(judged == JudgeRows.ALL ? 0 : run.trainRows, d.rows());
            double[] m = Evaluation.frameScores(bundle.newScorer(), d.frames());
            PcaBaseline baseline = PcaBaseline.read(out);
            double[] p = Evaluation.frameScores(baseline.scorer(bundle.manifest()), d.frames());
            double modelThreshold = bundle.manifest().threshold().value();
            double pcaThreshold = baseline.threshold().value();
            model.add(thresholded(Evaluation.rows(m, d, rows, rule), modelThreshold));
            pca.add(thresholded(Evaluation.rows(p, d, rows, rule), pcaThreshold));
            EventDetector detector = EventDetector.of(bundle.manifest().frameSpec(), 0, EventDetector.count(eventOpenAfter),
                    EventDetector.count(eventCloseAfter));
            modelStream.add(new Stream(thresholded(Evaluation.rows(m, d, rows, FlagRule.LAST), modelThreshold), detector));
            pcaStream.add(new Stream(thresholded(Evaluation.rows(p, d, rows, FlagRule.LAST), pcaThreshold), detector));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Evaluation.Rows allModel = Evaluation.Rows.concat(model);
        Evaluation.Rows allPca = Evaluation.Rows.concat(pca);
        System.out.printf(Locale.ROOT, "SKAB, %d files, train args %s, flag rule %s, judged rows %s, %.0f s%n", files.size(),
                run.trainArgs, rule, judged, seconds);
        System.out.printf(Locale.ROOT, "| scorer | threshold × | F1 | FAR %% | MAR %% | ROC-AUC (score/threshold) | event P / R / F1"
                + " (found / sequences, FP regions) | stream events P / R / F1 (found, false events) | median alert delay"
                + " (rows) |%n|---|---|---|---|---|---|---|---|---|%n");
        for (double scale : scales) {
            print("model", Figures.of(allModel.scores(), allModel.labels(), scale), events(model, scale),
                    streamEvents(modelStream, scale), scale);
            print("PCA, same code size", Figures.of(allPca.scores(), allPca.labels(), scale), events(pca, scale),
                    streamEvents(pcaStream, scale), scale);
        }
        return 0;
    }

    /** Which rows of each file are judged: SKAB's protocol judges the test rows, its notebook every row. */
    enum JudgeRows {
        TEST, ALL
    }

    private static void print(String scorer, Figures f, EventFigures e, AlertFigures a, double scale) {
        EventFigures s = a.events();
        System.out.printf(Locale.ROOT, "| %s | %.2f | %.3f | %.2f | %.2f | %.3f | %.3f / %.3f / %.3f (%d / %d, %d) |"
                        + " %.3f / %.3f / %.3f (%d, %d) | %.1f |%n", scorer, scale, f.f1(), 100 * f.far(), 100 * f.mar(),
                f.rocAuc(), e.precision(), e.recall(), e.f1(), e.found(), e.sequences(), e.falsePositives(), s.precision(),
                s.recall(), s.f1(), s.found(), s.falsePositives(), a.medianDelay());
    }

    /**
     * One file's rows as the stream flags them — each frame's flag at its last row, whatever the protocol's flag rule —
     * and the stream's event hysteresis for its bundle.
     */
    private record Stream(Evaluation.Rows rows, EventDetector detector) {
    }

    /** The events the stream would emit, per file, summed; their alert delays pooled. */
    private static AlertFigures streamEvents(List<Stream> files, double scale) {
        return AlertFigures.sum(files.stream().map(f -> AlertFigures.of(EventFigures.flagsAbove(f.rows().scores(), scale),
                f.rows().labels(), f.detector())).toList());
    }

    /** Per file (a sequence never spans two files), summed. */
    private static EventFigures events(List<Evaluation.Rows> files, double scale) {
        return EventFigures.sum(files.stream().map(r -> EventFigures.ofScores(r.scores(), r.labels(), scale)).toList());
    }

    /**
     * Each file has its own threshold; dividing scores by it puts all files on one scale where 1 is the
     * threshold, so concatenated rows are flagged exactly as each bundle flags them (the figures use 1.0).
     */
    private static Evaluation.Rows thresholded(Evaluation.Rows rows, double threshold) {
        double[] s = rows.scores().clone();
        for (int i = 0; i < s.length; i++) {
            s[i] = s[i] / threshold;
        }
        return new Evaluation.Rows(s, rows.labels());
    }
}
