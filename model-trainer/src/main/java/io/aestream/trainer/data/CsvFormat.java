package io.aestream.trainer.data;

import java.util.List;

/**
 * How to read a delimited text file with a header.
 *
 * @param separator       field separator, e.g. ',' ';' or '\t'
 * @param columns         the numeric feature columns, by header name, in model order
 * @param timestampColumn optional column copied through to outputs (any text); null if none
 * @param labelColumn     optional 0/1 anomaly label column; null if none
 */
public record CsvFormat(char separator, List<String> columns, String timestampColumn, String labelColumn) {
    public CsvFormat {
        if (separator == '"' || separator == '\n' || separator == '\r') {
            throw new IllegalArgumentException("separator: not allowed: " + printable(separator));
        }
        if (columns == null || columns.isEmpty()) {
            throw new IllegalArgumentException("columns: at least one column is required");
        }
        columns = List.copyOf(columns);
        if ((timestampColumn != null && columns.contains(timestampColumn)) || (labelColumn != null && columns.contains(labelColumn))) {
            throw new IllegalArgumentException("columns: the timestamp and label columns cannot be feature columns, got "
                    + columns);
        }
    }

    /** Parses a CLI separator: a single character or one of {@code \t}, {@code tab}. */
    public static char parseSeparator(String text) {
        if (text.equals("\\t") || text.equalsIgnoreCase("tab")) {
            return '\t';
        }
        if (text.length() != 1) {
            throw new IllegalArgumentException("separator: must be one character (or \\t), got '" + text + "'");
        }
        return text.charAt(0);
    }

    private static String printable(char c) {
        return c == '\n' ? "\\n" : c == '\r' ? "\\r" : String.valueOf(c);
    }
}
