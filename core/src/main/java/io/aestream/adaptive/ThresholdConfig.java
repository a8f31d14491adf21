package io.aestream.adaptive;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Which adaptive score threshold a key keeps, and its parameters. Each kind makes its own per-key
 * {@link ThresholdState}, which lives in the {@link AdaptiveState} (so it survives restarts) and is stepped by
 * {@link AdaptiveDetector} identically offline and in the stream. In JSON the kind is the {@code type} field
 * ({@code quantile}, {@code spot}, {@code dynamic}); without it a config is read as {@code quantile}, the
 * original and only kind before this field existed.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", defaultImpl = QuantileThresholdConfig.class)
@JsonSubTypes({
        @JsonSubTypes.Type(value = QuantileThresholdConfig.class, name = "quantile"),
        @JsonSubTypes.Type(value = SpotThresholdConfig.class, name = "spot"),
        @JsonSubTypes.Type(value = DynamicThresholdConfig.class, name = "dynamic")})
public sealed interface ThresholdConfig permits QuantileThresholdConfig, SpotThresholdConfig, DynamicThresholdConfig {

    /** A fresh per-key state: nothing learned yet, so it starts in warm-up. */
    ThresholdState newState();
}
