package io.aestream.adaptive;

import io.aestream.bundle.Json;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdaptiveConfigTest {

    @Test
    void shouldRoundTripWhenStoredAsMapOrJson() throws Exception {
        // Given a config that differs from the defaults everywhere
        AdaptiveConfig config = AdaptiveConfig.defaults()
                .withNormalization(new NormalizationConfig(0.7, 300, 40))
                .withLikelihood(new LikelihoodConfig(8, 500, 60, 1e-4))
                .withThreshold(new QuantileThresholdConfig(0.995, 900, 0.01, 1.2, 70))
                .withFlagRule(FlagRule.ADAPTIVE_THRESHOLD)
                .withFineTuning(new FineTuneSchedule(1000, 25, 256, 64, 0.25, 0.05, new FineTuneConfig(3, 1e-3, 16, 9)));

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
        assertThat(config.fineTuning().enabled()).isFalse();
    }

    @Test
    void shouldNameFieldWhenValueIsInvalid() {
        assertThatThrownBy(() -> new NormalizationConfig(1.5, 100, 10))
                .hasMessage("normalization.alpha: must be in [0.0, 1.0], got 1.5");
        assertThatThrownBy(() -> new LikelihoodConfig(5, 100, 10, 0))
                .hasMessageContaining("likelihood.epsilon");
        assertThatThrownBy(() -> new FineTuneSchedule(10, 0, 100, 50, 0.2, 0, FineTuneConfig.defaults()))
                .hasMessageContaining("fineTuning.delayFrames");
        assertThatThrownBy(() -> AdaptiveConfig.fromMap(Map.of("threshold",
                Map.of("quantile", 2.0, "halfLifeFrames", 10, "relativeAccuracy", 0.01, "factor", 1, "warmupFrames", 5))))
                .hasMessageContaining("threshold.quantile").hasMessageContaining("got 2.0");
    }

    @Test
    void shouldRejectUnknownKeysWhenReadFromMap() {
        assertThatThrownBy(() -> AdaptiveConfig.fromMap(Map.of("flagrule", "LIKELIHOOD")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("flagrule");
    }
}
