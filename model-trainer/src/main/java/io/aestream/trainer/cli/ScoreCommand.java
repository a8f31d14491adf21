package io.aestream.trainer.cli;

import io.aestream.adaptive.AdaptiveConfig;
import io.aestream.bundle.ModelBundle;
import io.aestream.frame.AudioFrameSpec;
import io.aestream.trainer.adaptive.AdaptiveOption;
import io.aestream.trainer.adaptive.ScoredFrame;
import io.aestream.trainer.adaptive.SourceFrames;
import io.aestream.trainer.data.CsvFormat;
import io.aestream.trainer.data.Dataset;
import io.aestream.trainer.data.Framer;
import io.aestream.trainer.data.InputFiles;
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
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * {@code score}: one output row per input row (or STFT frame) with
 * {@code index,timestamp,score,threshold,anomaly,top_features}; rows that end no frame get an empty score. With
 * {@code --adaptive} the rows are scored as the stream app scores them in adaptive mode (a {@code Backtest} per
 * source key) and two columns follow: {@code likelihood,model_version}.
 */
@Command(name = "score", mixinStandardHelpOptions = true, description = "Score every row of the input with a bundle.")
public class ScoreCommand extends BaseCommand {
    static final List<String> HEADER = List.of("index", "timestamp", "score", "threshold", "anomaly", "top_features");
    static final List<String> ADAPTIVE_COLUMNS = List.of("likelihood", "model_version");

    @Mixin
    InputOptions input = new InputOptions();
    @Option(names = "--out", required = true, description = "scores CSV")
    Path out;
    @Option(names = "--top", defaultValue = "3", description = "features named in top_features (default ${DEFAULT-VALUE})")
    int top;
    @Option(names = "--adaptive", arity = "0..1", fallbackValue = "on", paramLabel = "on|off|CONFIG.json",
            description = "replay the stream's adaptive detection (as AESTREAM_ADAPTIVE): on = the bundle's adaptive config or"
                    + " the defaults, or a JSON config file; alone means on")
    String adaptive;
    @Option(names = "--key-column", description = "source id of each row: every source is framed and adapted on its own,"
            + " as the stream does per record key (default: each file is one source)")
    String keyColumn;

    @Override
    protected int run() throws Exception {
        ModelBundle bundle = input.bundle();
        Optional<AdaptiveConfig> config = AdaptiveOption.resolve(adaptive, bundle);
        Dataset data = input.load(bundle, null);
        SourceFrames frames = SourceFrames.of(data, keys(input, keyColumn, bundle));
        List<ScoredFrame> scored = ScoredFrame.of(bundle, config, frames);
        ScoredFrame[] byRow = new ScoredFrame[data.rows()];
        scored.forEach(s -> byRow[s.row()] = s);
        List<String> header = new ArrayList<>(HEADER);
        if (config.isPresent()) {
            header.addAll(ADAPTIVE_COLUMNS);
        }
        List<String> names = bundle.manifest().featureNames();
        long flagged = scored.stream().filter(ScoredFrame::anomaly).count();
        try (Writer w = Files.newBufferedWriter(out);
             CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).build())) {
            for (int r = 0; r < byRow.length; r++) {
                ScoredFrame s = byRow[r];
                List<Object> record = new ArrayList<>(List.of(r, timestamp(data, r)));
                record.addAll(s == null ? List.of("", bundle.manifest().threshold().value(), "", "")
                        : List.of(s.score().score(), s.threshold(), s.anomaly(), IntStream.of(s.score().topFeatures(top))
                        .mapToObj(names::get).collect(Collectors.joining("|"))));
                if (config.isPresent()) {
                    record.addAll(s == null ? List.of("", "") : List.of(s.likelihood(), s.modelVersion()));
                }
                p.printRecord(record);
            }
        }
        out().printf(Locale.ROOT, "scored %d frames of %d rows with %s%s: %d flagged; wrote %s%n", frames.size(), data.rows(),
                bundle.version(), config.isPresent() ? " (adaptive)" : " at threshold " + bundle.manifest().threshold().value(),
                flagged, out);
        return 0;
    }

    /** Each global input row's source from {@code keyColumn}, or null (one source per file) without one. */
    static String[] keys(InputOptions input, String keyColumn, ModelBundle bundle) {
        if (keyColumn == null) {
            return null;
        }
        if (bundle.manifest().frameSpec() instanceof AudioFrameSpec) {
            throw new IllegalArgumentException("--key-column: only for CSV/TSV input, not audio");
        }
        return SourceFrames.keysFromColumn(InputFiles.expand(input.inputs).files(), CsvFormat.parseSeparator(input.separator),
                Framer.columns(bundle.manifest().frameSpec()), keyColumn);
    }

    /** The input's timestamp, or for audio the time in seconds at the end of the frame. */
    static String timestamp(Dataset data, int row) {
        if (data.spec() instanceof AudioFrameSpec a) {
            int local = data.frames().localRow(row); // audio: frame i is row i
            return String.format(Locale.ROOT, "%.4f", (double) (local + 1) * a.hop() / a.sampleRate());
        }
        String ts = data.timestamp(row);
        return ts == null ? "" : ts;
    }
}
