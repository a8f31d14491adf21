package io.aestream.trainer.eval.early;

import io.aestream.adaptive.AdaptiveConfig;
import io.aestream.adaptive.FineTuneSchedule;
import io.aestream.adaptive.FlagRule;
import io.aestream.adaptive.QuantileThresholdConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance of issue #5 on the synthetic drift suite, averaged over seeds: the same fixed PCA model, scored
 * with the bundle's normalizer and threshold ("fixed") versus rolling normalization with the likelihood flag
 * or the adaptive quantile threshold (issue #5's setups: no alert suppression, so point-wise F1 is meaningful), and
 * versus the shipped {@link AdaptiveConfig#defaults()} on the early-detection score. Not tuned per seed.
 */
class AdaptiveVersusFixedTest {
    private static final int LENGTH = 6000;
    private static final List<DriftBenchmark.Run> FIXED = new ArrayList<>();
    private static final List<DriftBenchmark.Run> LIKELIHOOD = new ArrayList<>();
    private static final List<DriftBenchmark.Run> ADAPTIVE_THRESHOLD = new ArrayList<>();
    private static final List<DriftBenchmark.Run> DEFAULTS = new ArrayList<>();
    /** Rolling normalization, likelihood flag, quantile threshold, no suppression, no fine-tuning. */
    private static final AdaptiveConfig POINTWISE = AdaptiveConfig.defaults().withFlagRule(FlagRule.LIKELIHOOD)
            .withThreshold(QuantileThresholdConfig.defaults()).withSuppressFrames(0).withFineTuning(FineTuneSchedule.off());

    @BeforeAll
    static void runAllSeeds() {
        for (long seed : DriftBenchmark.seeds()) {
            DriftBenchmark bench = new DriftBenchmark(SyntheticDriftSuite.generate(seed, LENGTH));
            FIXED.add(bench.run(AdaptiveConfig.fixed()));
            LIKELIHOOD.add(bench.run(POINTWISE));
            ADAPTIVE_THRESHOLD.add(bench.run(POINTWISE.withFlagRule(FlagRule.ADAPTIVE_THRESHOLD)));
            DEFAULTS.add(bench.run(AdaptiveConfig.defaults()));
        }
        for (CostProfile p : CostProfile.values()) {
            System.out.printf("drift suite %s early score (mean of %d seeds): fixed %.1f, adaptive+likelihood %.1f,"
                            + " adaptive+quantile %.1f, adaptive defaults %.1f%n", p, FIXED.size(), mean(FIXED, r -> r.early(p).normalized()),
                    mean(LIKELIHOOD, r -> r.early(p).normalized()), mean(ADAPTIVE_THRESHOLD, r -> r.early(p).normalized()),
                    mean(DEFAULTS, r -> r.early(p).normalized()));
        }
        System.out.printf("drift suite point-wise F1: fixed %.3f, adaptive+likelihood %.3f, adaptive+quantile %.3f%n",
                mean(FIXED, DriftBenchmark.Run::f1), mean(LIKELIHOOD, DriftBenchmark.Run::f1),
                mean(ADAPTIVE_THRESHOLD, DriftBenchmark.Run::f1));
    }

    @ParameterizedTest
    @EnumSource(CostProfile.class)
    void shouldBeatFixedOnEarlyDetectionScoreWhenSeriesDrift(CostProfile profile) {
        // Given the runs over all seeds
        // When the early-detection scores are averaged
        double fixed = mean(FIXED, r -> r.early(profile).normalized());
        double likelihood = mean(LIKELIHOOD, r -> r.early(profile).normalized());
        double quantile = mean(ADAPTIVE_THRESHOLD, r -> r.early(profile).normalized());
        double defaults = mean(DEFAULTS, r -> r.early(profile).normalized());

        // Then the adaptive setups beat the fixed one (which drowns in drift alarms) and the null detector, the shipped
        // defaults (one alert per change) most
        assertThat(likelihood).isGreaterThan(fixed).isPositive();
        assertThat(quantile).isGreaterThan(fixed).isPositive();
        assertThat(defaults).isGreaterThan(Math.max(likelihood, quantile));
    }

    @Test
    void shouldBeatFixedOnPointwiseF1WhenSeriesDrift() {
        double fixed = mean(FIXED, DriftBenchmark.Run::f1);

        assertThat(mean(LIKELIHOOD, DriftBenchmark.Run::f1)).isGreaterThan(fixed + 0.1);
        assertThat(mean(ADAPTIVE_THRESHOLD, DriftBenchmark.Run::f1)).isGreaterThan(fixed);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.3, 0.5})
    void shouldRaiseFewerFalseAlarmsWithLikelihoodWhenRecallIsEqual(double recall) {
        // Given the rolling-normalized runs, which carry both the raw score and the likelihood of each row
        // When each is cut at the level that reaches the same point-wise recall
        double raw = mean(LIKELIHOOD, r -> DriftBenchmark.falseAlarmsAtRecall(r.scores(), r.labels(), recall));
        double likelihood = mean(LIKELIHOOD, r -> DriftBenchmark.falseAlarmsAtRecall(r.likelihoods(), r.labels(), recall));

        // Then the likelihood needs markedly fewer false alarms
        assertThat(likelihood).isLessThan(0.7 * raw);
    }

    private static double mean(List<DriftBenchmark.Run> runs, ToDoubleFunction<DriftBenchmark.Run> metric) {
        return runs.stream().mapToDouble(metric).average().orElseThrow();
    }
}
