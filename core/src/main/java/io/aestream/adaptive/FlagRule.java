package io.aestream.adaptive;

/** What raises a frame's anomaly flag (and so opens events downstream). */
public enum FlagRule {
    /** score above the bundle's threshold. */
    FIXED_THRESHOLD,
    /** score above the adaptive quantile threshold (the bundle's threshold during warm-up). */
    ADAPTIVE_THRESHOLD,
    /** likelihood >= 1 - epsilon. */
    LIKELIHOOD
}
