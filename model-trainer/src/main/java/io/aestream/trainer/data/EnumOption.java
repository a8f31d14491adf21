package io.aestream.trainer.data;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Option text → enum constant, the one way the trainer reads an enum-valued option: case-insensitive, {@code -}
 * standing for {@code _}; unknown text fails naming the option, the choices and the bad value.
 */
public final class EnumOption {
    private EnumOption() {
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String option, String text) {
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": must be " + choices(type) + ", got '" + text + "'", e);
        }
    }

    /** {@code a, b or c}, in declaration order, as the options spell them. */
    private static String choices(Class<? extends Enum<?>> type) {
        List<String> names = Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList();
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }
}
