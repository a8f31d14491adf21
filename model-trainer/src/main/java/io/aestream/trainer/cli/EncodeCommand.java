package io.aestream.trainer.cli;

import io.aestream.bundle.ModelBundle;
import io.aestream.scoring.Scorer;
import io.aestream.trainer.adaptive.SourceFrames;
import io.aestream.trainer.data.Dataset;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code encode}: the code h = f(x) of every frame, one output row per frame with {@code index,timestamp} as
 * {@code score} writes them, then {@code h1..hk}. Frames are cut exactly as {@code score} and the stream app cut them
 * (vector, window, audio; per source with {@code --key-column}), and the code comes from the same scoring pass, so the
 * stream's codes output carries the same values.
 */
@Command(name = "encode", mixinStandardHelpOptions = true,
        description = "Write the code h (the encoder's output) of every frame of the input with a bundle.")
public class EncodeCommand extends BaseCommand {
    @Mixin
    InputOptions input = new InputOptions();
    @Option(names = "--out", required = true, description = "codes CSV")
    Path out;
    @Option(names = "--key-column", description = "source id of each row: every source is framed on its own, as the stream"
            + " does per record key (default: each file is one source)")
    String keyColumn;

    @Override
    protected int run() throws Exception {
        ModelBundle bundle = input.bundle();
        if (bundle.isClassifier()) {
            throw new IllegalArgumentException("--model: bundle " + bundle.version() + " is a classifier; encode takes the"
                    + " anomaly model whose encoder it shares");
        }
        Dataset data = input.load(bundle, null);
        SourceFrames frames = SourceFrames.of(data, ScoreCommand.keys(input, keyColumn, bundle));
        Scorer scorer = bundle.newScorer();
        List<String> header = new ArrayList<>(List.of("index", "timestamp"));
        for (int j = 1; j <= scorer.codeSize(); j++) {
            header.add("h" + j);
        }
        try (Writer w = Files.newBufferedWriter(out);
             CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).build())) {
            for (int i = 0; i < frames.size(); i++) {
                scorer.score(frames.frames().get(i).values());
                int row = frames.lastRow()[i];
                List<Object> record = new ArrayList<>(header.size());
                record.add(row);
                record.add(ScoreCommand.timestamp(data, row));
                for (double h : scorer.code()) {
                    record.add(h);
                }
                p.printRecord(record);
            }
        }
        out().printf(Locale.ROOT, "encoded %d frames of %d rows with %s: %d-dimensional codes; wrote %s%n", frames.size(),
                data.rows(), bundle.version(), scorer.codeSize(), out);
        return 0;
    }
}
