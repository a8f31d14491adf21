package io.aestream.it.parity;

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

/** Reads named numeric columns of a CSV with a header, e.g. what {@code aestream denoise} wrote. */
public final class CsvColumns {
    private CsvColumns() {
    }

    /** One array per data row, holding {@code columns} in the order given. */
    public static List<double[]> read(Path csv, List<String> columns) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();
        List<double[]> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8); CSVParser parser = format.parse(in)) {
            for (CSVRecord r : parser) {
                rows.add(columns.stream().mapToDouble(c -> Double.parseDouble(r.get(c))).toArray());
            }
        }
        return rows;
    }
}
