package io.aestream.trainer.adaptive;

import io.aestream.adaptive.AdaptiveConfig;
import io.aestream.adaptive.FineTuneSchedule;
import io.aestream.adaptive.FlagRule;
import io.aestream.adaptive.NormalizationConfig;
import io.aestream.adaptive.QuantileThresholdConfig;
import io.aestream.adaptive.SpotThresholdConfig;
import io.aestream.bundle.BundleIO;
import io.aestream.bundle.ModelBundle;
import io.aestream.trainer.bench.SkabExperiments;
import io.aestream.trainer.bench.SkabRunOptions;
import io.aestream.trainer.data.Dataset;
import io.aestream.trainer.data.RowRange;
import io.aestream.trainer.eval.Figures;
import io.aestream.trainer.eval.PcaBaseline;
import io.aestream.trainer.eval.early.EarlyFigures;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Fixed versus adaptive scoring on SKAB: per experiment file, {@code train} on rows {@code 0:400} (extra arguments after
 * {@code --} go to {@code train}; an existing bundle is reused with {@code --reuse}), then score the whole file fixed
 * and with the adaptive configs (each file one source, replayed from row 0 as a stream would see it) and judge rows
 * {@code 400:} of all files concatenated: F1, FAR, MAR and the early-detection score over the {@code anomaly} runs,
 * under each flag rule; and, for flag rule {@code last}, the changepoint protocol of SKAB's leaderboard: the same
 * NAB-style score over windows of {@value #CHANGEPOINT_WINDOW} rows (60 s) to the right of each {@code changepoint}.
 */
@Command(name = "skab-adaptive", mixinStandardHelpOptions = true, description = "SKAB: fixed versus adaptive detection.")
public class SkabAdaptiveBenchmark implements Callable<Integer> {
    /** The rules that judge test rows as the protocol says (SKAB_NOTEBOOK judges whole files: see SkabBenchmark). */
    private static final List<io.aestream.trainer.eval.FlagRule> TEST_ROW_RULES = List.of(io.aestream.trainer.eval.FlagRule.LAST,
            io.aestream.trainer.eval.FlagRule.ALL, io.aestream.trainer.eval.FlagRule.ALL_IN_RANGE);

    static final int CHANGEPOINT_WINDOW = 60;
    private static final Map<String, Function<ModelBundle, AdaptiveConfig>> SCORERS = new LinkedHashMap<>();

    static {
        AdaptiveConfig d = AdaptiveConfig.defaults();
        SCORERS.put("fixed (bundle normalizer and threshold)", b -> null);
        SCORERS.put("adaptive on (defaults)", b -> AdaptiveOption.resolve("on", b).orElseThrow());
        SCORERS.put("defaults, suppression 96", b -> d.withSuppressFrames(96));
        SCORERS.put("defaults, no suppression", b -> d.withSuppressFrames(0));
        SCORERS.put("defaults, no fine-tuning", b -> d.withFineTuning(FineTuneSchedule.off()));
        SCORERS.put("defaults, SPOT threshold", b -> d.withThreshold(SpotThresholdConfig.defaults()));
        SCORERS.put("defaults, likelihood flag", b -> d.withFlagRule(FlagRule.LIKELIHOOD));
        SCORERS.put("earlier defaults (likelihood flag, quantile threshold, no suppression, no fine-tuning)", b -> d
                .withFlagRule(FlagRule.LIKELIHOOD).withThreshold(QuantileThresholdConfig.defaults()).withSuppressFrames(0)
                .withFineTuning(FineTuneSchedule.off()));
        SCORERS.put("defaults, fixed normalizer", b -> d.withNormalization(NormalizationConfig.off()));
        for (int halfLife : new int[] {1000, 3000}) {
            SCORERS.put("defaults, rolling half-life " + halfLife, b -> d.withNormalization(new NormalizationConfig(1.0, halfLife, 100)));
        }
    }

    @Option(names = "--work", defaultValue = "target/skab-adaptive", description = "where bundles go (default ${DEFAULT-VALUE})")
    Path work;
    @Option(names = "--scorers", defaultValue = ".*", description = "regex: only the scorers whose name matches (default: all)")
    Pattern scorers;
    @CommandLine.Mixin
    SkabRunOptions run = new SkabRunOptions();

    public static void main(String[] args) {
        System.exit(new CommandLine(new SkabAdaptiveBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        SkabExperiments skab = run.experiments(work);
        Map<String, List<FlaggedRows>> byScorer = new LinkedHashMap<>();
        Map<String, List<FlaggedRows>> changepoints = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        for (Path f : skab.files()) {
            Path out = skab.bundleDir(f);
            if (run.trainUnlessReused(skab, f, out) != 0) {
                return 1;
            }
            ModelBundle bundle = BundleIO.read(out);
            Dataset d = skab.dataset(f, bundle.manifest().frameSpec());
            SourceFrames frames = SourceFrames.of(d, null);
            RowRange test = new RowRange(run.trainRows, d.rows());
            boolean[] cpWindows = skab.changepointWindows(f, bundle.manifest().frameSpec(), CHANGEPOINT_WINDOW);
            for (var e : SCORERS.entrySet()) {
                if (!scorers.matcher(e.getKey()).matches()) {
                    continue;
                }
                List<ScoredFrame> scored = ScoredFrame.of(bundle, Optional.ofNullable(e.getValue().apply(bundle)), frames);
                changepoints.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                        .add(FlaggedRows.of(d.frames(), scored, cpWindows, test, io.aestream.trainer.eval.FlagRule.LAST));
                for (var rule : TEST_ROW_RULES) {
                    byScorer.computeIfAbsent(e.getKey() + ", flag rule " + rule.name().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                            .add(FlaggedRows.of(d.frames(), scored, d.rowLabels(), test, rule));
                }
            }
            PcaBaseline pca = PcaBaseline.read(out);
            List<ScoredFrame> pcaScored = ScoredFrame.fixed(pca.scorer(bundle.manifest()), pca.threshold(), "pca", frames);
            byScorer.computeIfAbsent("PCA baseline, fixed, flag rule all", k -> new ArrayList<>()).add(FlaggedRows.of(d.frames(),
                    pcaScored, d.rowLabels(), test, io.aestream.trainer.eval.FlagRule.ALL));
            changepoints.computeIfAbsent("PCA baseline, fixed", k -> new ArrayList<>()).add(FlaggedRows.of(d.frames(), pcaScored,
                    cpWindows, test, io.aestream.trainer.eval.FlagRule.LAST));
        }
        System.out.printf(Locale.ROOT, "SKAB fixed vs adaptive, train args %s, %.0f s%n", run.trainArgs, (System.nanoTime() - t0) / 1e9);
        System.out.printf(Locale.ROOT, "| scorer | F1 | FAR %% | MAR %% | early standard | early low FP | early low FN | windows found |%n"
                + "|---|---|---|---|---|---|---|---|%n");
        byScorer.forEach((name, parts) -> print(name, concat(parts)));
        System.out.printf(Locale.ROOT, "%nChangepoint protocol (NAB, %d-row window right of each changepoint, flag rule last)%n"
                + "| scorer | NAB standard | NAB low FP | NAB low FN | changepoints found | flags outside windows |%n"
                + "|---|---|---|---|---|---|%n", CHANGEPOINT_WINDOW);
        changepoints.forEach((name, parts) -> {
            EarlyFigures e = concat(parts).early();
            System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %d/%d | %d |%n", name, e.standard(), e.lowFp(), e.lowFn(),
                    e.detected(), e.windows(), e.falsePositives());
        });
        return 0;
    }

    private static void print(String name, FlaggedRows rows) {
        Figures f = rows.figures(Double.NaN);
        EarlyFigures e = rows.early();
        System.out.printf(Locale.ROOT, "| %s | %.3f | %.2f | %.2f | %.1f | %.1f | %.1f | %d/%d |%n", name, f.f1(), 100 * f.far(),
                100 * f.mar(), e.standard(), e.lowFp(), e.lowFn(), e.detected(), e.windows());
    }

    /** All files' test rows end to end; scores stay per file (only flags are compared across files). */
    private static FlaggedRows concat(List<FlaggedRows> parts) {
        int n = parts.stream().mapToInt(p -> p.labels().length).sum();
        double[] s = new double[n];
        boolean[] flags = new boolean[n];
        boolean[] labels = new boolean[n];
        int at = 0;
        for (FlaggedRows p : parts) {
            System.arraycopy(p.scores(), 0, s, at, p.scores().length);
            System.arraycopy(p.flags(), 0, flags, at, p.flags().length);
            System.arraycopy(p.labels(), 0, labels, at, p.labels().length);
            at += p.labels().length;
        }
        return new FlaggedRows(s, flags, labels);
    }
}
