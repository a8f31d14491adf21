package io.aestream.trainer.bench.telemetry;

import io.aestream.adaptive.AdaptiveConfig;
import io.aestream.bundle.BundleIO;
import io.aestream.bundle.ModelBundle;
import io.aestream.frame.WindowFrameSpec;
import io.aestream.trainer.adaptive.AdaptiveOption;
import io.aestream.trainer.adaptive.FlaggedRows;
import io.aestream.trainer.adaptive.ScoredFrame;
import io.aestream.trainer.adaptive.SourceFrames;
import io.aestream.trainer.cli.TrainerCli;
import io.aestream.trainer.data.Dataset;
import io.aestream.trainer.data.RowRange;
import io.aestream.trainer.eval.EventFigures;
import io.aestream.trainer.eval.Figures;
import io.aestream.trainer.eval.FlagRule;
import io.aestream.trainer.eval.PcaBaseline;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The multichannel telemetry benchmark: generate the seeded set ({@link TelemetryGenerator}), {@code train} on its
 * train split with the given options (the exact CLI command), then judge the bundle and its PCA baseline on the
 * test split: event precision / recall / F1, point-wise F1, and the flagged regions within 30 rows after a normal
 * command change (which should be none). The same bundle is also judged in adaptive mode ({@code --adaptive on}):
 * the train and test splits replayed as one stream, so the detector warms up on the training rows as a stream would,
 * judged on the test rows.
 *
 * <p>Args: {@code WORK_DIR SEED [--reuse] [train options…]}, e.g. {@code target/telemetry 1 --layout window --window 30
 * --kind denoising --score-columns v1,v2,aux}; {@code --reuse} keeps the bundle already in {@code WORK_DIR/model}.
 */
public final class TelemetryBenchmark {
    private TelemetryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        long seed = Long.parseLong(args[1]);
        TelemetryGenerator.Written data = new TelemetryGenerator(seed, 4000, 4000).write(work.resolve("data"));
        Path bundle = work.resolve("model");
        boolean reuse = args.length > 2 && args[2].equals("--reuse") && Files.exists(bundle.resolve("manifest.json"));
        if (!reuse) {
            train(data, bundle, List.of(args).subList(args.length > 2 && args[2].equals("--reuse") ? 3 : 2, args.length));
        }
        ModelBundle b = BundleIO.read(bundle);
        Dataset d = Dataset.ofTables(List.of(data.test()), b.manifest().frameSpec(), ',', "ts", "label");
        int first = b.manifest().frameSpec() instanceof WindowFrameSpec w ? w.window() - 1 : 0;
        RowRange range = new RowRange(first, d.rows());
        SourceFrames frames = SourceFrames.of(d, null);
        PcaBaseline pca = PcaBaseline.read(bundle);
        report("model", FlaggedRows.of(d.frames(), ScoredFrame.of(b, Optional.empty(), frames), d.rowLabels(), range, FlagRule.LAST),
                b.manifest().threshold().value(), first, data);
        report("pca", FlaggedRows.of(d.frames(), ScoredFrame.fixed(pca.scorer(b.manifest()), pca.threshold(), "pca", frames),
                d.rowLabels(), range, FlagRule.LAST), pca.threshold().value(), first, data);
        adaptive(b, data, work.resolve("data/stream.csv"));
    }

    private static void train(TelemetryGenerator.Written data, Path bundle, List<String> options) {
        List<String> train = new ArrayList<>(List.of("train", "--input", data.train().toString(), "--timestamp-column", "ts",
                "--label-column", "label", "--quiet", "--out", bundle.toString()));
        train.addAll(options);
        System.out.println("train " + String.join(" ", train.subList(1, train.size())));
        int rc = new CommandLine(new TrainerCli()).execute(train.toArray(String[]::new));
        if (rc != 0) {
            System.exit(rc);
        }
    }

    /** {@code --adaptive on} over the training rows followed by the test rows, judged on the test rows. */
    private static void adaptive(ModelBundle b, TelemetryGenerator.Written data, Path stream) throws Exception {
        List<String> trainLines = Files.readAllLines(data.train());
        List<String> testLines = Files.readAllLines(data.test());
        int trainRows = trainLines.size() - 1;
        List<String> lines = new ArrayList<>(trainLines);
        for (String line : testLines.subList(1, testLines.size())) {
            int comma = line.indexOf(',');
            lines.add((Long.parseLong(line.substring(0, comma)) + trainRows) + line.substring(comma));
        }
        Files.write(stream, lines);
        Dataset d = Dataset.ofTables(List.of(stream), b.manifest().frameSpec(), ',', "ts", "label");
        SourceFrames frames = SourceFrames.of(d, null);
        AdaptiveConfig on = AdaptiveOption.resolve("on", b).orElseThrow();
        Map<String, AdaptiveConfig> variants = new LinkedHashMap<>();
        variants.put("adaptive", on);
        variants.put("adaptive-rolling", on.withNormalization(AdaptiveConfig.defaults().normalization()));
        for (var variant : variants.entrySet()) {
            List<ScoredFrame> scored = ScoredFrame.of(b, Optional.of(variant.getValue()), frames);
            report(variant.getKey(), FlaggedRows.of(d.frames(), scored, d.rowLabels(), new RowRange(trainRows, d.rows()),
                    FlagRule.LAST), Double.NaN, 0, data);
        }
    }

    private static void report(String name, FlaggedRows rows, double threshold, int first, TelemetryGenerator.Written data) {
        EventFigures e = rows.events();
        Figures f = rows.figures(threshold);
        int afterChanges = alertsAfterChanges(rows.flags(), first, data.normalChanges());
        System.out.printf(Locale.ROOT, "%-16s events %d/%d found, %d FP regions: event P %.3f R %.3f F1 %.3f | point-wise P %.3f"
                        + " R %.3f F1 %.3f FAR %.2f %% ROC-AUC %.3f | point-adjusted F1 (inflated) %.3f | normal command changes"
                        + " followed by a flag within 30 rows: %d of %d%n", name, e.found(), e.sequences(), e.falsePositives(),
                e.precision(), e.recall(), e.f1(), f.precision(), f.recall(), f.f1(), 100 * f.far(), f.rocAuc(), e.pointAdjustedF1(),
                afterChanges, data.normalChanges().size());
    }

    /** Normal command changes followed within 30 rows by a flag. */
    private static int alertsAfterChanges(boolean[] flags, int first, List<Integer> changes) {
        int alerts = 0;
        for (int c : changes) {
            boolean hit = false;
            for (int r = c; r < c + 30 && r - first < flags.length; r++) {
                hit |= r >= first && flags[r - first];
            }
            alerts += hit ? 1 : 0;
        }
        return alerts;
    }
}
