package io.aestream.adaptive;

/** Config checks whose messages name the field and the bad value. */
final class Validate {
    private Validate() {
    }

    static void atLeast(String field, double value, double min) {
        if (!(value >= min) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(field + ": must be finite and >= " + min + ", got " + value);
        }
    }

    static void inRange(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(field + ": must be in [" + min + ", " + max + "], got " + value);
        }
    }

    static void openRange(String field, double value, double min, double max) {
        if (!(value > min && value < max)) {
            throw new IllegalArgumentException(field + ": must be in (" + min + ", " + max + "), got " + value);
        }
    }
}
