package io.aestream.adaptive;

import com.fasterxml.jackson.core.type.TypeReference;
import io.aestream.bundle.Json;

import java.util.Map;
import java.util.Objects;

/**
 * Everything adaptive detection needs besides the bundle. Immutable; a null section takes its default, so
 * JSON (via {@link Json#mapper()}) or a manifest {@code hyperParameters}-style map may give only what differs.
 * {@link #fixed()} reproduces plain bundle scoring; {@link #defaults()} is the recommended adaptive setup.
 */
public record AdaptiveConfig(NormalizationConfig normalization, LikelihoodConfig likelihood,
                             QuantileThresholdConfig threshold, FlagRule flagRule, FineTuneSchedule fineTuning) {

    public AdaptiveConfig {
        normalization = Objects.requireNonNullElseGet(normalization, AdaptiveConfig::defaultNormalization);
        likelihood = Objects.requireNonNullElseGet(likelihood, LikelihoodConfig::defaults);
        threshold = Objects.requireNonNullElseGet(threshold, QuantileThresholdConfig::defaults);
        flagRule = Objects.requireNonNullElse(flagRule, FlagRule.LIKELIHOOD);
        fineTuning = Objects.requireNonNullElseGet(fineTuning, FineTuneSchedule::off);
    }

    /** Rolling normalization, likelihood flag, no fine-tuning. */
    public static AdaptiveConfig defaults() {
        return new AdaptiveConfig(null, null, null, null, null);
    }

    /** The bundle's normalizer and threshold, unchanged: what the stream does without {@code --adaptive}. */
    public static AdaptiveConfig fixed() {
        return new AdaptiveConfig(NormalizationConfig.off(), null, null, FlagRule.FIXED_THRESHOLD, null);
    }

    private static NormalizationConfig defaultNormalization() {
        return new NormalizationConfig(1.0, 200, 100);
    }

    public AdaptiveConfig withNormalization(NormalizationConfig n) {
        return new AdaptiveConfig(n, likelihood, threshold, flagRule, fineTuning);
    }

    public AdaptiveConfig withLikelihood(LikelihoodConfig l) {
        return new AdaptiveConfig(normalization, l, threshold, flagRule, fineTuning);
    }

    public AdaptiveConfig withThreshold(QuantileThresholdConfig t) {
        return new AdaptiveConfig(normalization, likelihood, t, flagRule, fineTuning);
    }

    public AdaptiveConfig withFlagRule(FlagRule r) {
        return new AdaptiveConfig(normalization, likelihood, threshold, r, fineTuning);
    }

    public AdaptiveConfig withFineTuning(FineTuneSchedule f) {
        return new AdaptiveConfig(normalization, likelihood, threshold, flagRule, f);
    }

    /** As a nested map of plain values, e.g. for a manifest's {@code hyperParameters}. */
    public Map<String, Object> toMap() {
        return Json.mapper().convertValue(this, new TypeReference<Map<String, Object>>() { });
    }

    /**
     * From {@link #toMap()} output or parsed JSON. Unknown keys are rejected; bad values fail with the field
     * name (Jackson wraps the validation message).
     */
    public static AdaptiveConfig fromMap(Map<String, Object> map) {
        try {
            return Json.mapper().convertValue(map, AdaptiveConfig.class);
        } catch (IllegalArgumentException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw new IllegalArgumentException("adaptive config: " + root.getMessage(), e);
        }
    }
}
