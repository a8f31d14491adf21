package io.aestream.trainer.cli;

import io.aestream.frame.AudioFeature;
import io.aestream.frame.AudioFrameSpec;
import io.aestream.frame.FrameSpec;
import io.aestream.frame.VectorFrameSpec;
import io.aestream.frame.WindowFrameSpec;
import io.aestream.frame.WindowFunction;
import io.aestream.trainer.data.CsvFormat;
import io.aestream.trainer.data.CsvReader;
import io.aestream.trainer.data.Dataset;
import io.aestream.trainer.data.EnumOption;
import io.aestream.trainer.data.InputFiles;
import picocli.CommandLine.Option;

import java.util.List;

/**
 * How {@code train} turns its input into frames: a vector or window layout over named CSV columns, or — for
 * WAV input — STFT frames. {@code --window} is the window length in rows for tables and the window function
 * for audio; {@code --hop} is the hop in rows or samples.
 */
public final class FrameOptions {
    @Option(names = "--layout", description = "vector or window (tabular input)")
    String layout;
    @Option(names = "--columns", split = ",",
            description = "feature columns by header name (tabular input; default: every numeric column but the timestamp and"
                    + " label columns)")
    List<String> columns;
    @Option(names = "--window", description = "window layout: rows per window; audio: hann, sqrt_hann, hamming or rectangular")
    String window;
    @Option(names = "--hop", description = "rows (window layout, default 1) or samples (audio, default frame-length/2)")
    Integer hop;
    @Option(names = "--separator", defaultValue = ",", description = "CSV field separator, e.g. ';' or \\t (default ${DEFAULT-VALUE})")
    String separator;
    @Option(names = "--timestamp-column")
    String timestampColumn;
    @Option(names = "--label-column", description = "0/1 anomaly labels; labelled rows are left out of training")
    String labelColumn;
    @Option(names = "--frame-length", defaultValue = "256", description = "audio: STFT frame length (default ${DEFAULT-VALUE})")
    int frameLength;
    @Option(names = "--feature", defaultValue = "log-magnitude", description = "audio: log-magnitude or log-mel (default ${DEFAULT-VALUE})")
    String feature;
    @Option(names = "--mel-bands", defaultValue = "40", description = "audio: mel bands for log-mel (default ${DEFAULT-VALUE})")
    int melBands;

    public Dataset load(InputFiles input) {
        if (input.kind() == InputFiles.Kind.AUDIO) {
            WindowFunction wf = EnumOption.parse(WindowFunction.class, "window", window == null ? "sqrt_hann" : window);
            AudioFeature af = EnumOption.parse(AudioFeature.class, "feature", feature);
            int h = hop == null ? frameLength / 2 : hop;
            return Dataset.ofAudio(input.files(), rate -> new AudioFrameSpec(rate, frameLength, h, wf, af, melBands));
        }
        char sep = CsvFormat.parseSeparator(separator);
        List<String> cols = columns != null && !columns.isEmpty() ? columns
                : CsvReader.numericColumns(input.files().get(0), sep,
                        java.util.stream.Stream.of(timestampColumn, labelColumn).filter(java.util.Objects::nonNull).toList());
        return Dataset.ofTables(input.files(), tableSpec(cols), sep, timestampColumn, labelColumn);
    }

    private FrameSpec tableSpec(List<String> columns) {
        if (layout == null || layout.equals("vector")) {
            return new VectorFrameSpec(columns);
        }
        if (!layout.equals("window")) {
            throw new IllegalArgumentException("layout: must be vector or window, got '" + layout + "'");
        }
        if (window == null) {
            throw new IllegalArgumentException("window: --window W is required for the window layout");
        }
        int w;
        try {
            w = Integer.parseInt(window);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("window: expected a row count for the window layout, got '" + window + "'", e);
        }
        return new WindowFrameSpec(columns, w, hop == null ? 1 : hop);
    }
}
