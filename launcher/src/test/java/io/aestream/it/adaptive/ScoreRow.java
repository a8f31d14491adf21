package io.aestream.it.adaptive;

import io.aestream.stream.message.ScoreMessage;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The fields the backtest and the stream must agree on, for one scored frame, from either side. */
public record ScoreRow(long ts, double score, double likelihood, double threshold, boolean anomaly, String modelVersion) {

    public static ScoreRow of(ScoreMessage m) {
        return new ScoreRow(m.ts(), m.score(), m.likelihood(), m.threshold(), m.anomaly(), m.modelVersion());
    }

    /** The scored rows of a {@code score --adaptive} output, in input order, each with the input row's index. */
    public static List<Indexed> readCsv(Path scores) throws IOException {
        List<Indexed> out = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(scores);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
            for (CSVRecord r : p) {
                if (r.get("score").isEmpty()) {
                    continue;
                }
                out.add(new Indexed(Integer.parseInt(r.get("index")), new ScoreRow(Long.parseLong(r.get("timestamp")),
                        Double.parseDouble(r.get("score")), Double.parseDouble(r.get("likelihood")),
                        Double.parseDouble(r.get("threshold")), Boolean.parseBoolean(r.get("anomaly")), r.get("model_version"))));
            }
        }
        return out;
    }

    /** A CSV output row: the input row it belongs to and its scores. */
    public record Indexed(int row, ScoreRow score) { }
}
