package io.aestream.trainer.data;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads a CSV/TSV file with a header into a {@link CsvTable}; any bad cell stops with a {@link BadInputException}. */
public final class CsvReader {
    private final CsvFormat format;

    public CsvReader(CsvFormat format) {
        this.format = format;
    }

    public CsvTable read(Path file) {
        CSVFormat csv = csvFormat(format.separator());
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser parser = csv.parse(in)) {
            Map<String, Integer> header = parser.getHeaderMap();
            if (header == null || header.isEmpty()) {
                throw BadInputException.atLine(file, 1, "empty file: a header line is required");
            }
            int[] featureIdx = new int[format.columns().size()];
            for (int c = 0; c < featureIdx.length; c++) {
                featureIdx[c] = requireColumn(file, header, format.columns().get(c));
            }
            int tsIdx = format.timestampColumn() == null ? -1 : requireColumn(file, header, format.timestampColumn());
            int labelIdx = format.labelColumn() == null ? -1 : requireColumn(file, header, format.labelColumn());
            return readRows(file, parser, featureIdx, tsIdx, labelIdx);
        } catch (IOException e) {
            throw BadInputException.inFile(file, "cannot read: " + e.getMessage());
        } catch (UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            // commons-csv reports malformed quoting as one of these, with the position in the message
            throw BadInputException.inFile(file, "malformed CSV: " + e.getMessage());
        }
    }

    /**
     * The header names of {@code file} whose first data row holds a number, except {@code exclude} (timestamp and
     * label columns): what {@code train} models when no columns are named.
     */
    public static List<String> numericColumns(Path file, char separator, java.util.Collection<String> exclude) {
        CSVFormat csv = csvFormat(separator);
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser parser = csv.parse(in)) {
            List<String> names = parser.getHeaderNames();
            java.util.Iterator<CSVRecord> it = parser.iterator();
            if (names.isEmpty() || !it.hasNext()) {
                throw BadInputException.inFile(file, "a header line and at least one data row are required");
            }
            CSVRecord first = it.next();
            List<String> out = new ArrayList<>();
            for (int i = 0; i < names.size() && i < first.size(); i++) {
                if (!exclude.contains(names.get(i)) && isNumber(first.get(i))) {
                    out.add(names.get(i));
                }
            }
            if (out.isEmpty()) {
                throw BadInputException.inFile(file, "no numeric column besides the timestamp and label columns; header " + names);
            }
            return out;
        } catch (IOException e) {
            throw BadInputException.inFile(file, "cannot read: " + e.getMessage());
        } catch (UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            throw BadInputException.inFile(file, "malformed CSV: " + e.getMessage());
        }
    }

    /**
     * The text of {@code column} on every data row of {@code file} (blank lines skipped, as {@link #read} skips them),
     * e.g. class names; an empty cell stays empty.
     */
    public static String[] textColumn(Path file, char separator, String column) {
        CSVFormat csv = csvFormat(separator);
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser parser = csv.parse(in)) {
            int idx = requireColumn(file, parser.getHeaderMap(), column);
            List<String> out = new ArrayList<>();
            for (CSVRecord rec : parser) {
                if (!(rec.size() == 1 && rec.get(0).isEmpty())) {
                    out.add(cell(file, parser.getCurrentLineNumber(), rec, idx, column));
                }
            }
            return out.toArray(String[]::new);
        } catch (IOException e) {
            throw BadInputException.inFile(file, "cannot read: " + e.getMessage());
        } catch (UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            throw BadInputException.inFile(file, "malformed CSV: " + e.getMessage());
        }
    }

    private static CSVFormat csvFormat(char separator) {
        return CSVFormat.DEFAULT.builder().setDelimiter(separator).setHeader()
                .setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true).setTrim(true).build();
    }

    private static boolean isNumber(String text) {
        try {
            return Double.isFinite(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private CsvTable readRows(Path file, CSVParser parser, int[] featureIdx, int tsIdx, int labelIdx) {
        List<double[]> values = new ArrayList<>();
        List<String> timestamps = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        for (CSVRecord rec : parser) {
            long line = parser.getCurrentLineNumber();
            if (rec.size() == 1 && rec.get(0).isEmpty()) {
                continue; // blank line
            }
            double[] row = new double[featureIdx.length];
            for (int c = 0; c < featureIdx.length; c++) {
                row[c] = parseCell(file, line, rec, featureIdx[c], format.columns().get(c));
            }
            values.add(row);
            lines.add(line);
            if (tsIdx >= 0) {
                timestamps.add(cell(file, line, rec, tsIdx, format.timestampColumn()));
            }
            if (labelIdx >= 0) {
                labels.add(parseLabel(file, line, rec, labelIdx));
            }
        }
        if (values.isEmpty()) {
            throw BadInputException.atLine(file, 2, "no data rows after the header");
        }
        boolean[] lab = null;
        if (labelIdx >= 0) {
            lab = new boolean[labels.size()];
            for (int i = 0; i < lab.length; i++) {
                lab[i] = labels.get(i);
            }
        }
        return new CsvTable(file, values.toArray(double[][]::new), tsIdx >= 0 ? timestamps.toArray(String[]::new) : null,
                lab, lines.stream().mapToLong(Long::longValue).toArray());
    }

    private static int requireColumn(Path file, Map<String, Integer> header, String name) {
        Integer idx = header.get(name);
        if (idx == null) {
            throw BadInputException.atCell(file, 1, name, "missing column; the header has " + header.keySet());
        }
        return idx;
    }

    private static String cell(Path file, long line, CSVRecord rec, int idx, String column) {
        if (idx >= rec.size()) {
            throw BadInputException.atCell(file, line, column, "missing value (the line has only " + rec.size() + " fields)");
        }
        return rec.get(idx);
    }

    private static double parseCell(Path file, long line, CSVRecord rec, int idx, String column) {
        String text = cell(file, line, rec, idx, column);
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw BadInputException.atCell(file, line, column, "not a number: '" + text + "'");
        }
        if (!Double.isFinite(v)) {
            throw BadInputException.atCell(file, line, column, "not a finite number: '" + text + "'");
        }
        return v;
    }

    private boolean parseLabel(Path file, long line, CSVRecord rec, int idx) {
        String text = cell(file, line, rec, idx, format.labelColumn());
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "1", "1.0", "true" -> true;
            case "0", "0.0", "false" -> false;
            default -> throw BadInputException.atCell(file, line, format.labelColumn(), "label must be 0 or 1, got '" + text + "'");
        };
    }
}
