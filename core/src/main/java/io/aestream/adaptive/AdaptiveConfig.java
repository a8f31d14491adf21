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
                             ThresholdConfig threshold, FlagRule flagRule, FineTuneSchedule fineTuning, Integer suppressFrames) {
    /**
     * Frames after a flag during which further flags of the key are suppressed by default: one change, one alert
     * (Numenta's redundancy filter is of this kind). Chosen on the generated corpus (docs/quality.md): 24 to 168 all
     * lift the early-detection score from 49 to 80–82 under the dynamic threshold; 48 keeps a second change a minute
     * later (SKAB's changepoint windows are 60 rows) visible.
     */
    public static final int DEFAULT_SUPPRESS_FRAMES = 48;

    /**
     * @param suppressFrames after a flag, the next this-many frames of the key are not flagged (their scores,
     *                       likelihoods and thresholds are reported as usual)
     */
    public AdaptiveConfig {
        normalization = Objects.requireNonNullElseGet(normalization, AdaptiveConfig::defaultNormalization);
        likelihood = Objects.requireNonNullElseGet(likelihood, LikelihoodConfig::defaults);
        threshold = Objects.requireNonNullElseGet(threshold, DynamicThresholdConfig::defaults);
        flagRule = Objects.requireNonNullElse(flagRule, FlagRule.ADAPTIVE_THRESHOLD);
        fineTuning = Objects.requireNonNullElseGet(fineTuning, FineTuneSchedule::defaults);
        suppressFrames = Objects.requireNonNullElse(suppressFrames, DEFAULT_SUPPRESS_FRAMES);
        Validate.atLeast("suppressFrames", suppressFrames, 0);
    }

    /**
     * The recommended setup, chosen by measurement on the generated corpus and SKAB (docs/quality.md): rolling
     * normalization, the nonparametric dynamic threshold as the flag rule, alert suppression, fine-tuning every 250
     * frames.
     */
    public static AdaptiveConfig defaults() {
        return new AdaptiveConfig(null, null, null, null, null, null);
    }

    /**
     * The recommended setup for a model that reads context columns: {@link #defaults()} with the bundle's own
     * normalizer. There the monitored values follow the context (a value driven by its command), the model has learned
     * that relation, and rolling normalization would undo it by re-scaling each value by its recent, context-driven
     * level: on the generated telemetry set it makes the score rank anomalies at chance (docs/quality.md, issue #14
     * round 3). Drift is then left to the dynamic threshold and fine-tuning.
     */
    public static AdaptiveConfig defaultsWithContext() {
        return defaults().withNormalization(NormalizationConfig.off());
    }

    /** The bundle's normalizer and threshold, unchanged: what the stream does without {@code --adaptive}. */
    public static AdaptiveConfig fixed() {
        return new AdaptiveConfig(NormalizationConfig.off(), null, null, FlagRule.FIXED_THRESHOLD, FineTuneSchedule.off(), 0);
    }

    private static NormalizationConfig defaultNormalization() {
        return new NormalizationConfig(1.0, 200, 100);
    }

    public AdaptiveConfig withNormalization(NormalizationConfig n) {
        return new AdaptiveConfig(n, likelihood, threshold, flagRule, fineTuning, suppressFrames);
    }

    public AdaptiveConfig withLikelihood(LikelihoodConfig l) {
        return new AdaptiveConfig(normalization, l, threshold, flagRule, fineTuning, suppressFrames);
    }

    public AdaptiveConfig withThreshold(ThresholdConfig t) {
        return new AdaptiveConfig(normalization, likelihood, t, flagRule, fineTuning, suppressFrames);
    }

    public AdaptiveConfig withFlagRule(FlagRule r) {
        return new AdaptiveConfig(normalization, likelihood, threshold, r, fineTuning, suppressFrames);
    }

    public AdaptiveConfig withFineTuning(FineTuneSchedule f) {
        return new AdaptiveConfig(normalization, likelihood, threshold, flagRule, f, suppressFrames);
    }

    public AdaptiveConfig withSuppressFrames(int frames) {
        return new AdaptiveConfig(normalization, likelihood, threshold, flagRule, fineTuning, frames);
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
