package io.aestream.launcher.demo.data;

/** The kinds of fault the example sensor series carries; each breaks the sensors' correlation differently. */
public enum AnomalyKind {
    /** A few rows far off on one sensor. */
    SPIKE,
    /** One sensor offset by a constant for a stretch. */
    LEVEL_SHIFT,
    /** One sensor's offset growing linearly over a stretch. */
    DRIFT,
    /** One sensor repeating its last value: no noise, no following the shared load. */
    STUCK
}
