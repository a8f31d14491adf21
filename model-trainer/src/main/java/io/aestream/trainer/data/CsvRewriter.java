package io.aestream.trainer.data;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/** Copies a CSV file with the same header and separator, replacing the feature columns of each data row. */
public final class CsvRewriter {
    private CsvRewriter() {
    }

    /**
     * @param values row index (0-based, data rows) → new values of {@code columns}, or null to keep the row as is
     */
    public static void rewrite(Path in, Path out, char separator, List<String> columns, IntFunction<double[]> values) throws IOException {
        CSVFormat fmt = CSVFormat.DEFAULT.builder().setDelimiter(separator).setHeader().setSkipHeaderRecord(true).build();
        try (Reader r = Files.newBufferedReader(in, StandardCharsets.UTF_8); CSVParser parser = fmt.parse(r);
             Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            List<String> header = parser.getHeaderNames();
            Map<String, Integer> index = parser.getHeaderMap();
            CSVPrinter printer = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setDelimiter(separator)
                    .setHeader(header.toArray(String[]::new)).build());
            int row = 0;
            for (CSVRecord rec : parser) {
                if (rec.size() == 1 && rec.get(0).isEmpty()) {
                    continue; // blank line, skipped by the reader too
                }
                List<String> cells = new ArrayList<>(rec.toList());
                double[] v = values.apply(row++);
                if (v != null) {
                    for (int c = 0; c < columns.size(); c++) {
                        cells.set(index.get(columns.get(c)), Double.toString(v[c]));
                    }
                }
                printer.printRecord(cells);
            }
            printer.flush();
        }
    }
}
