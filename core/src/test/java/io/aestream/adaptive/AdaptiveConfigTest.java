package io.aestream.adaptive;

import io.aestream.bundle.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdaptiveConfigTest {

    static Stream<ThresholdConfig> thresholds() {
        return Stream.of(new QuantileThresholdConfig(0.995, 900, 0.01, 1.2, 70), new SpotThresholdConfig(1e-3, 0.95, 300, 100, 20),
                new DynamicThresholdConfig(120, 10, 2, 8, 0.25, 0.1, 50));
    }

    @ParameterizedTest
    @MethodSource("thresholds")
    void shouldRoundTripWhenStoredAsMapOrJson(ThresholdConfig threshold) throws Exception {
        // Given a config that differs from the defaults everywhere
        AdaptiveConfig config = AdaptiveConfig.defaults()
                .withNormalization(new NormalizationConfig(0.7, 300, 40, 2.5))
                .withLikelihood(new LikelihoodConfig(8, 480, 60, 1e-4))
                .withThreshold(threshold)
                .withFlagRule(FlagRule.ADAPTIVE_THRESHOLD)
                .withFineTuning(new FineTuneSchedule(1000, 25, 256, 64, 0.25, 0.05, new FineTuneConfig(3, 1e-3, 16, 9)))
                .withSuppressFrames(17);

        // When written as a map (manifest hyperParameters) and as JSON, and read back
        AdaptiveConfig fromMap = AdaptiveConfig.fromMap(config.toMap());
        AdaptiveConfig fromJson = Json.mapper().readValue(Json.mapper().writeValueAsString(config), AdaptiveConfig.class);

        // Then both equal the original
        assertThat(fromMap).isEqualTo(config);
        assertThat(fromJson).isEqualTo(config);
    }

    @Test
    void shouldFillDefaultsWhenSectionsAreMissing() {
        AdaptiveConfig config = AdaptiveConfig.fromMap(Map.of("flagRule", "ADAPTIVE_THRESHOLD"));

        assertThat(config.flagRule()).isEqualTo(FlagRule.ADAPTIVE_THRESHOLD);
        assertThat(config.likelihood()).isEqualTo(LikelihoodConfig.defaults());
        assertThat(config.fineTuning()).isEqualTo(FineTuneSchedule.defaults());
        assertThat(config.threshold()).isEqualTo(DynamicThresholdConfig.defaults());
        assertThat(config.suppressFrames()).isEqualTo(AdaptiveConfig.DEFAULT_SUPPRESS_FRAMES);
        assertThat(AdaptiveConfig.fixed().fineTuning().enabled()).isFalse();
    }

    @Test
    void shouldClipAtDefaultWhenNormalizationLeavesClipSigmasOut() {
        Map<String, Object> given = Map.of("alpha", 1.0, "halfLifeFrames", 200, "warmupFrames", 100);

        assertThat(AdaptiveConfig.fromMap(Map.of("normalization", given)).normalization().clipSigmas())
                .isEqualTo(NormalizationConfig.DEFAULT_CLIP_SIGMAS);
        assertThat(AdaptiveConfig.fromMap(Map.of("normalization", Map.of("alpha", 1.0, "halfLifeFrames", 200,
                "warmupFrames", 100, "clipSigmas", 0))).normalization().clipSigmas()).isZero();
        assertThat(AdaptiveConfig.defaults().normalization().clipSigmas()).isEqualTo(NormalizationConfig.DEFAULT_CLIP_SIGMAS);
    }

    @Test
    void shouldReadThresholdKindFromTypeAndQuantileWithoutIt() {
        Map<String, Object> quantile = Map.of("quantile", 0.9, "halfLifeFrames", 10, "relativeAccuracy", 0.01, "factor", 1,
                "warmupFrames", 5);
        Map<String, Object> spot = Map.of("type", "spot", "risk", 1e-3, "initialQuantile", 0.98, "calibrationFrames", 100,
                "maxPeaks", 50, "driftWindow", 0);

        assertThat(AdaptiveConfig.fromMap(Map.of("threshold", quantile)).threshold())
                .isEqualTo(new QuantileThresholdConfig(0.9, 10, 0.01, 1, 5));
        assertThat(AdaptiveConfig.fromMap(Map.of("threshold", spot)).threshold())
                .isEqualTo(new SpotThresholdConfig(1e-3, 0.98, 100, 50, 0));
        assertThat(AdaptiveConfig.fromMap(Map.of("threshold", spot)).toMap().get("threshold")).isEqualTo(spot);
    }

    @Test
    void shouldNameFieldWhenValueIsInvalid() {
        assertThatThrownBy(() -> new NormalizationConfig(1.5, 100, 10))
                .hasMessage("normalization.alpha: must be in [0.0, 1.0], got 1.5");
        assertThatThrownBy(() -> new NormalizationConfig(1, 100, 10, 0.5))
                .hasMessage("normalization.clipSigmas (0 = off): must be finite and >= 1.0, got 0.5");
        assertThatThrownBy(() -> new LikelihoodConfig(5, 100, 10, 0))
                .hasMessageContaining("likelihood.epsilon");
        assertThatThrownBy(() -> new FineTuneSchedule(10, 0, 100, 50, 0.2, 0, FineTuneConfig.defaults()))
                .hasMessageContaining("fineTuning.delayFrames");
        assertThatThrownBy(() -> AdaptiveConfig.fromMap(Map.of("threshold",
                Map.of("quantile", 2.0, "halfLifeFrames", 10, "relativeAccuracy", 0.01, "factor", 1, "warmupFrames", 5))))
                .hasMessageContaining("threshold.quantile").hasMessageContaining("got 2.0");
        assertThatThrownBy(() -> new SpotThresholdConfig(0.05, 0.98, 100, 50, 0))
                .hasMessageContaining("threshold.risk: must be below");
        assertThatThrownBy(() -> AdaptiveConfig.defaults().withSuppressFrames(-1)).hasMessageContaining("suppressFrames");
    }

    @Test
    void shouldRejectUnknownKeysWhenReadFromMap() {
        assertThatThrownBy(() -> AdaptiveConfig.fromMap(Map.of("flagrule", "LIKELIHOOD")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("flagrule");
    }
}
