package io.aestream.launcher.produce;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CSV with a header → one {@link FrameRecord} per row: the chosen columns as the row's values, keyed by a key
 * column or one fixed key, with the timestamp column (if any) as the frame's {@code ts}.
 */
public final class CsvFrames {
    private final List<String> columns;
    private final String keyColumn;
    private final String fixedKey;
    private final String timestampColumn;
    private final FrameEncoding encoding;

    /** Exactly one of {@code keyColumn} and {@code fixedKey} is non-null. */
    public CsvFrames(List<String> columns, String keyColumn, String fixedKey, String timestampColumn, FrameEncoding encoding) {
        if (columns == null || columns.isEmpty()) {
            throw new IllegalArgumentException("--columns: at least one column is required");
        }
        if ((keyColumn == null) == (fixedKey == null)) {
            throw new IllegalArgumentException("key: give exactly one of --key-column and --key");
        }
        this.columns = List.copyOf(columns);
        this.keyColumn = keyColumn;
        this.fixedKey = fixedKey;
        this.timestampColumn = timestampColumn;
        this.encoding = encoding;
    }

    public List<FrameRecord> read(Path file) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).build();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser parser = format.parse(in)) {
            Map<String, Integer> header = parser.getHeaderMap();
            int[] idx = new int[columns.size()];
            for (int c = 0; c < idx.length; c++) {
                idx[c] = column(file, header, columns.get(c));
            }
            int keyIdx = keyColumn == null ? -1 : column(file, header, keyColumn);
            int tsIdx = timestampColumn == null ? -1 : column(file, header, timestampColumn);
            List<FrameRecord> out = new ArrayList<>();
            for (CSVRecord rec : parser) {
                double[] values = new double[idx.length];
                for (int c = 0; c < idx.length; c++) {
                    values[c] = number(file, parser.getCurrentLineNumber(), columns.get(c), rec.get(idx[c]));
                }
                String ts = tsIdx < 0 ? null : rec.get(tsIdx);
                String key = keyIdx < 0 ? fixedKey : rec.get(keyIdx);
                out.add(new FrameRecord(key, encoding.row(ts, values), Map.of()));
            }
            return out;
        }
    }

    private static int column(Path file, Map<String, Integer> header, String name) {
        Integer i = header == null ? null : header.get(name);
        if (i == null) {
            throw new IllegalArgumentException(file + ": no column '" + name + "'; the header has "
                    + (header == null ? "nothing" : header.keySet()));
        }
        return i;
    }

    private static double number(Path file, long line, String column, String text) {
        try {
            double v = Double.parseDouble(text);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below with the position
        }
        throw new IllegalArgumentException(file + ":" + line + ": column '" + column + "': not a finite number: '" + text + "'");
    }
}
