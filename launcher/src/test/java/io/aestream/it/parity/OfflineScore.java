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
import java.util.Arrays;
import java.util.List;

/**
 * One row of {@code aestream score}'s output CSV ({@code index,timestamp,score,threshold,anomaly,top_features})
 * for a row, or an STFT frame, that ends a frame; rows that end none (empty score) are left out by {@link #read}.
 */
public record OfflineScore(int index, String timestamp, double score, double threshold, boolean anomaly, List<String> topFeatures) {

    public static List<OfflineScore> read(Path csv) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();
        List<OfflineScore> out = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8); CSVParser parser = format.parse(in)) {
            for (CSVRecord r : parser) {
                if (r.get("score").isEmpty()) {
                    continue;
                }
                String top = r.get("top_features");
                out.add(new OfflineScore(Integer.parseInt(r.get("index")), r.get("timestamp"), Double.parseDouble(r.get("score")),
                        Double.parseDouble(r.get("threshold")), Boolean.parseBoolean(r.get("anomaly")),
                        top.isEmpty() ? List.of() : Arrays.asList(top.split("\\|"))));
            }
        }
        return out;
    }
}
