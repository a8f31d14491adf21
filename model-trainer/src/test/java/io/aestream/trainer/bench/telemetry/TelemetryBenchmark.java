package io.aestream.trainer.bench.telemetry;

import io.aestream.bundle.BundleIO;
import io.aestream.bundle.ModelBundle;
import io.aestream.frame.WindowFrameSpec;
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

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The multichannel telemetry benchmark: generate the seeded set ({@link TelemetryGenerator}), {@code train} on its
 * train split with the given options (the exact CLI command), then judge the bundle and its PCA baseline on the
 * test split: event precision / recall / F1, point-wise F1, and the flagged regions within 30 rows after a normal
 * command change (which should be none).
 *
 * <p>Args: {@code WORK_DIR SEED [train options…]}, e.g. {@code target/telemetry 1 --layout window --window 30
 * --kind denoising --score-columns v1,v2,aux}.
 */
public final class TelemetryBenchmark {
    private TelemetryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        long seed = Long.parseLong(args[1]);
        TelemetryGenerator.Written data = new TelemetryGenerator(seed, 4000, 4000).write(work.resolve("data"));
        Path bundle = work.resolve("model");
        List<String> train = new ArrayList<>(List.of("train", "--input", data.train().toString(), "--timestamp-column", "ts",
                "--label-column", "label", "--quiet", "--out", bundle.toString()));
        train.addAll(List.of(args).subList(2, args.length));
        System.out.println("train " + String.join(" ", train.subList(1, train.size())));
        int rc = new CommandLine(new TrainerCli()).execute(train.toArray(String[]::new));
        if (rc != 0) {
            System.exit(rc);
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
    }

    private static void report(String name, FlaggedRows rows, double threshold, int first, TelemetryGenerator.Written data) {
        EventFigures e = rows.events();
        Figures f = rows.figures(threshold);
        int afterChanges = alertsAfterChanges(rows.flags(), first, data.normalChanges());
        System.out.printf(Locale.ROOT, "%-6s events %d/%d found, %d FP regions: event P %.3f R %.3f F1 %.3f | point-wise P %.3f"
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
