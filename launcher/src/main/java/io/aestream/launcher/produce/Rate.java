package io.aestream.launcher.produce;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses a rate such as {@code 250}, {@code 250/s} or {@code 1.5/s} into records per second. */
public final class Rate implements ITypeConverter<Double> {
    @Override
    public Double convert(String text) {
        String number = text.trim().endsWith("/s") ? text.trim().substring(0, text.trim().length() - 2) : text.trim();
        double v;
        try {
            v = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw new TypeConversionException("not a rate: '" + text + "' (expected e.g. 100/s)");
        }
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new TypeConversionException("rate must be >= 0 per second, got '" + text + "'");
        }
        return v;
    }
}
