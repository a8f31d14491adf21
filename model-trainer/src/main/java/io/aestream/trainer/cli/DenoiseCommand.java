package io.aestream.trainer.cli;

import io.aestream.bundle.ModelBundle;
import io.aestream.frame.AudioFrameSpec;
import io.aestream.frame.AudioProcessor;
import io.aestream.frame.AudioState;
import io.aestream.scoring.Scorer;
import io.aestream.trainer.data.BadInputException;
import io.aestream.trainer.data.CsvFormat;
import io.aestream.trainer.data.CsvRewriter;
import io.aestream.trainer.data.Dataset;
import io.aestream.trainer.data.FrameSet;
import io.aestream.trainer.data.Framer;
import io.aestream.trainer.data.WavAudio;
import io.aestream.trainer.data.WavIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code denoise}: the input with every frame replaced by its reconstruction. CSV → CSV with the same columns
 * (window layout: a row takes its value from the earliest window that contains it, which for hop 1 is the
 * window ending at that row once the first window is full); WAV → WAV of the same length, resynthesized by the
 * streaming {@link AudioProcessor} exactly as the stream app does it.
 */
@Command(name = "denoise", mixinStandardHelpOptions = true, description = "Write the model's reconstruction of the input.")
public class DenoiseCommand extends BaseCommand {
    @Mixin
    InputOptions input = new InputOptions();
    @Option(names = "--out", required = true, description = "output CSV or WAV")
    Path out;

    @Override
    protected int run() throws Exception {
        ModelBundle bundle = input.bundle();
        Dataset data = input.load(bundle, null);
        if (data.files().size() != 1) {
            throw new BadInputException("denoise: exactly one input file is required, got " + data.files().size());
        }
        if (bundle.manifest().frameSpec() instanceof AudioFrameSpec a) {
            WavAudio in = data.audio().get(0);
            AudioProcessor processor = new AudioProcessor(a, bundle.newScorer());
            AudioState state = AudioState.start(a);
            double[] head = processor.push(state, in.samples(), (i, s) -> { });
            double[] tail = processor.flush(state, (i, s) -> { });
            double[] all = new double[head.length + tail.length];
            System.arraycopy(head, 0, all, 0, head.length);
            System.arraycopy(tail, 0, all, head.length, tail.length);
            WavIO.write(out, new WavAudio(in.sampleRate(), all));
            out().printf(Locale.ROOT, "denoised %d samples (%d frames) with %s; wrote %s%n", all.length, state.frames(),
                    bundle.version(), out);
            return 0;
        }
        double[][] rows = reconstructedRows(data, bundle.newScorer());
        CsvRewriter.rewrite(data.files().get(0), out, CsvFormat.parseSeparator(input.separator),
                Framer.columns(bundle.manifest().frameSpec()), r -> rows[r]);
        out().printf(Locale.ROOT, "denoised %d rows with %s; wrote %s%n", rows.length, bundle.version(), out);
        return 0;
    }

    /** Per row: its reconstructed column values, or null when no frame covers it (kept as is). */
    static double[][] reconstructedRows(Dataset data, Scorer scorer) {
        FrameSet fs = data.frames();
        int columns = Framer.columns(data.spec()).size();
        double[][] rows = new double[fs.rows()][];
        for (int i = 0; i < fs.size(); i++) {
            double[] rec = scorer.score(fs.frames()[i]).reconstruction();
            for (int r = fs.firstRow()[i]; r <= fs.lastRow()[i]; r++) {
                if (rows[r] == null) {
                    rows[r] = new double[columns];
                    System.arraycopy(rec, (r - fs.firstRow()[i]) * columns, rows[r], 0, columns);
                }
            }
        }
        return rows;
    }
}
