package io.aestream.trainer.report;

import io.aestream.scoring.InputColumns;

import java.util.Locale;
import java.util.stream.Collectors;

/** A column spec as one line of text, for the training report and {@code inspect}. */
public final class ColumnsText {
    private ColumnsText() {
    }

    /** {@code name: type, monitored|context, scaling (floor note)} per column, then the constant columns left out. */
    public static String of(InputColumns columns) {
        String cols = columns.columns().stream().map(c -> String.format(Locale.ROOT, "%s: %s, %s, %s%s", c.name(),
                c.type().name().toLowerCase(Locale.ROOT), c.monitored() ? "monitored" : "context", c.scaling().method(),
                c.scaling().floored() ? String.format(Locale.ROOT, " (spread %.3g raised to the floor %.3g)", c.scaling().spread(),
                        c.scaling().floor()) : "")).collect(Collectors.joining("; "));
        return cols + "; left out, constant on the training rows: " + (columns.constant().isEmpty() ? "none" : columns.constant());
    }
}
