package io.aestream.trainer.cli;

import io.aestream.bundle.ModelBundle;
import io.aestream.frame.AudioFrameSpec;
import io.aestream.scoring.FrameScore;
import io.aestream.scoring.Scorer;
import io.aestream.trainer.data.Dataset;
import io.aestream.trainer.data.FrameSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * {@code score}: one output row per input row (or STFT frame) with
 * {@code index,timestamp,score,threshold,anomaly,top_features}; rows that end no frame get an empty score.
 */
@Command(name = "score", mixinStandardHelpOptions = true, description = "Score every row of the input with a bundle.")
public class ScoreCommand extends BaseCommand {
    static final List<String> HEADER = List.of("index", "timestamp", "score", "threshold", "anomaly", "top_features");

    @Mixin
    InputOptions input = new InputOptions();
    @Option(names = "--out", required = true, description = "scores CSV")
    Path out;
    @Option(names = "--top", defaultValue = "3", description = "features named in top_features (default ${DEFAULT-VALUE})")
    int top;

    @Override
    protected int run() throws Exception {
        ModelBundle bundle = input.bundle();
        Dataset data = input.load(bundle, null);
        FrameSet frames = data.frames();
        FrameScore[] byRow = new FrameScore[frames.rows()];
        Scorer scorer = bundle.newScorer();
        for (int i = 0; i < frames.size(); i++) {
            byRow[frames.lastRow()[i]] = scorer.score(frames.frames()[i]);
        }
        List<String> names = bundle.manifest().featureNames();
        double threshold = bundle.manifest().threshold().value();
        long flagged = 0;
        try (Writer w = Files.newBufferedWriter(out);
             CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(HEADER.toArray(String[]::new)).build())) {
            for (int r = 0; r < byRow.length; r++) {
                FrameScore s = byRow[r];
                boolean anomaly = s != null && bundle.manifest().threshold().exceededBy(s.score());
                flagged += anomaly ? 1 : 0;
                p.printRecord(r, timestamp(data, r), s == null ? "" : s.score(), threshold, s == null ? "" : anomaly,
                        s == null ? "" : IntStream.of(s.topFeatures(top)).mapToObj(names::get).collect(Collectors.joining("|")));
            }
        }
        out().printf(Locale.ROOT, "scored %d frames of %d rows with %s: %d above threshold %.6g; wrote %s%n",
                frames.size(), frames.rows(), bundle.version(), flagged, threshold, out);
        return 0;
    }

    /** The input's timestamp, or for audio the time in seconds at the end of the frame. */
    private static String timestamp(Dataset data, int row) {
        if (data.spec() instanceof AudioFrameSpec a) {
            int local = data.frames().localRow(row); // audio: frame i is row i
            return String.format(Locale.ROOT, "%.4f", (double) (local + 1) * a.hop() / a.sampleRate());
        }
        String ts = data.timestamp(row);
        return ts == null ? "" : ts;
    }
}
