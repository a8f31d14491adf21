package io.aestream.trainer.cli;

import io.aestream.bundle.ModelBundle;
import io.aestream.frame.AudioFrameSpec;
import io.aestream.frame.AudioProcessor;
import io.aestream.scoring.Scorer;
import io.aestream.trainer.data.BadInputException;
import io.aestream.trainer.data.CsvFormat;
import io.aestream.trainer.data.CsvRewriter;
import io.aestream.trainer.data.Dataset;
import io.aestream.trainer.data.FrameSet;
import io.aestream.trainer.data.InputFiles;
import io.aestream.trainer.data.Framer;
import io.aestream.trainer.data.WavAudio;
import io.aestream.trainer.data.WavIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    @Option(names = "--out", required = true, description = "output CSV or WAV; for several WAV inputs (or a directory),"
            + " a directory that gets one WAV per input, of the same name")
    Path out;

    @Override
    protected int run() throws Exception {
        ModelBundle bundle = input.bundle();
        if (bundle.manifest().frameSpec() instanceof AudioFrameSpec a) {
            List<Path> files = InputFiles.expand(input.inputs).files();
            boolean toDir = files.size() > 1 || input.inputs.stream().anyMatch(Files::isDirectory) || Files.isDirectory(out);
            if (toDir) {
                Files.createDirectories(out);
            }
            AudioProcessor processor = new AudioProcessor(a, bundle.newScorer());
            for (Path f : files) {
                WavAudio in = WavIO.read(f);
                if (in.sampleRate() != a.sampleRate()) {
                    throw BadInputException.inFile(f, "sample rate " + in.sampleRate() + " Hz, the model expects " + a.sampleRate());
                }
                double[] all = processor.denoise(in.samples(), (i, s) -> { });
                Path target = toDir ? out.resolve(f.getFileName().toString()) : out;
                WavIO.write(target, new WavAudio(in.sampleRate(), all));
                out().printf(Locale.ROOT, "denoised %d samples with %s; wrote %s%n", all.length, bundle.version(), target);
            }
            return 0;
        }
        Dataset data = input.load(bundle, null);
        if (data.files().size() != 1) {
            throw new BadInputException("denoise: exactly one input file is required, got " + data.files().size());
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
