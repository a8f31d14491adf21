package io.aestream.trainer.eval.corpus;

import io.aestream.adaptive.AdaptiveConfig;
import io.aestream.adaptive.NormalizationConfig;
import io.aestream.adaptive.DynamicThresholdConfig;
import io.aestream.adaptive.FineTuneConfig;
import io.aestream.adaptive.FineTuneSchedule;
import io.aestream.adaptive.FlagRule;
import io.aestream.adaptive.SpotThresholdConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;

/**
 * Development runner over the generated univariate corpus: prints, per detector variant, the mean NAB-style
 * early-detection scores, point-wise F1 and ROC-AUC of score and likelihood. Used to choose the adaptive defaults.
 * {@code java ... CorpusBenchmark [seeds] [length] [variant-regex]} (the regex picks variants by name; the PCA baseline
 * always runs).
 */
public final class CorpusBenchmark {
    private CorpusBenchmark() {
    }

    static Map<String, Optional<AdaptiveConfig>> variants() {
        Map<String, Optional<AdaptiveConfig>> v = new LinkedHashMap<>();
        AdaptiveConfig d = AdaptiveConfig.defaults();
        AdaptiveConfig dynamic = d.withThreshold(DynamicThresholdConfig.defaults()).withFlagRule(FlagRule.ADAPTIVE_THRESHOLD);
        v.put("fixed", Optional.empty());
        v.put("adaptive defaults", Optional.of(d));
        v.put("defaults, fixed normalizer", Optional.of(d.withNormalization(NormalizationConfig.off())));
        for (int halfLife : new int[] {1000, 3000}) {
            v.put("defaults, rolling half-life " + halfLife, Optional.of(d.withNormalization(new NormalizationConfig(1.0, halfLife, 100))));
        }
        for (int s : new int[] {0, 48, 96, 168}) {
            v.put("likelihood, suppress " + s, Optional.of(d.withSuppressFrames(s)));
        }
        for (int s : new int[] {0, 24, 48, 96, 168}) {
            v.put("dynamic, suppress " + s, Optional.of(dynamic.withSuppressFrames(s)));
        }
        v.put("spot 1e-4, suppress 96", Optional.of(d.withThreshold(SpotThresholdConfig.defaults())
                .withFlagRule(FlagRule.ADAPTIVE_THRESHOLD).withSuppressFrames(96)));
        for (int every : new int[] {250, 500, 1000}) {
            FineTuneSchedule ft = new FineTuneSchedule(every, 50, 512, 128, 0.2, 0.0, FineTuneConfig.defaults());
            v.put("dynamic, suppress 96, fine-tune/" + every, Optional.of(dynamic.withSuppressFrames(96).withFineTuning(ft)));
            v.put("likelihood, suppress 96, fine-tune/" + every, Optional.of(d.withSuppressFrames(96).withFineTuning(ft)));
        }
        return v;
    }

    public static void main(String[] args) throws Exception {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int length = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        Pattern only = Pattern.compile(args.length > 2 ? args[2] : ".*");
        List<Long> seedList = new ArrayList<>();
        for (long s = 1; s <= seeds; s++) {
            seedList.add(s);
        }
        Path dir = Files.createTempDirectory("corpus");
        Map<String, List<CorpusRun.Scored>> results = new LinkedHashMap<>();
        for (UnivariateCorpus.Series s : UnivariateCorpus.generate(seedList, length)) {
            CorpusRun run = new CorpusRun(s, dir);
            results.computeIfAbsent("pca (same code size)", k -> new ArrayList<>()).add(run.pca(run.bundleDir(dir)));
            variants().entrySet().stream().filter(e -> only.matcher(e.getKey()).matches()).forEach(e ->
                    results.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(run.model(e.getValue())));
            System.err.printf(Locale.ROOT, "%s: window %d, encoder %s%n", s.name(), run.bundle().manifest().frameSpec().inputSize(),
                    run.bundle().manifest().model().hyperParameters().get("encoderSizes"));
        }
        System.out.printf(Locale.ROOT, "%-40s %9s %9s %9s %7s %9s %9s %9s%n", "variant", "standard", "low-FP", "low-FN", "F1",
                "AUC score", "AUC lik.", "FP rows");
        results.forEach((name, runs) -> System.out.printf(Locale.ROOT, "%-40s %9.1f %9.1f %9.1f %7.3f %9.3f %9.3f %9.1f%n", name,
                mean(runs, r -> r.early().standard()), mean(runs, r -> r.early().lowFp()), mean(runs, r -> r.early().lowFn()),
                mean(runs, CorpusRun.Scored::f1), mean(runs, CorpusRun.Scored::scoreAuc),
                mean(runs, r -> Double.isNaN(r.likelihoods()[0]) ? Double.NaN : r.likelihoodAuc()),
                mean(runs, r -> r.early().falsePositives())));
    }

    static double mean(List<CorpusRun.Scored> runs, ToDoubleFunction<CorpusRun.Scored> metric) {
        return runs.stream().mapToDouble(metric).average().orElse(Double.NaN);
    }
}
