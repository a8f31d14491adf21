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
import io.aestream.trainer.data.DominantPeriod;
import io.aestream.trainer.data.EnumOption;
import io.aestream.trainer.data.InputFiles;
import io.aestream.trainer.data.RowRange;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.stream.Stream;

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
    @Option(names = "--window", description = "window layout: rows per window, or auto (one period of the dominant cycle of the"
            + " training rows, by autocorrelation); audio: hann, sqrt_hann, hamming or rectangular")
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

    private DominantPeriod windowChoice;
    private String classColumn;

    /**
     * {@code --kind classifier}: the label column holds class names, not 0/1 anomaly labels; it is read on its own,
     * and frames are cut without it (nor is it a feature).
     */
    String takeClassColumn() {
        classColumn = labelColumn;
        labelColumn = null;
        return classColumn;
    }

    /**
     * Reads and frames {@code input}. With {@code --window auto} the rows are read once as vectors, the window is
     * chosen from the rows {@code fittedRows} gives for their count (the training range), and they are framed again.
     */
    public Dataset load(InputFiles input, IntFunction<RowRange> fittedRows) {
        if (input.kind() != InputFiles.Kind.AUDIO && "window".equals(layout) && "auto".equalsIgnoreCase(window)) {
            char sep = CsvFormat.parseSeparator(separator);
            Dataset rows = Dataset.ofTables(input.files(), new VectorFrameSpec(columns(input, sep)), sep, timestampColumn, labelColumn);
            RowRange fitted = fittedRows.apply(rows.rows());
            double[][] values = new double[fitted.length()][];
            for (int r = 0; r < values.length; r++) {
                values[r] = rows.rowValues(fitted.start() + r);
            }
            windowChoice = DominantPeriod.of(values);
            window = String.valueOf(windowChoice.window());
        }
        return load(input);
    }

    /** How {@code --window auto} chose the window, once {@link #load(InputFiles, IntFunction)} ran; empty otherwise. */
    public Optional<DominantPeriod> windowChoice() {
        return Optional.ofNullable(windowChoice);
    }

    private Dataset load(InputFiles input) {
        if (input.kind() == InputFiles.Kind.AUDIO) {
            WindowFunction wf = EnumOption.parse(WindowFunction.class, "window", window == null ? "sqrt_hann" : window);
            AudioFeature af = EnumOption.parse(AudioFeature.class, "feature", feature);
            int h = hop == null ? frameLength / 2 : hop;
            return Dataset.ofAudio(input.files(), rate -> new AudioFrameSpec(rate, frameLength, h, wf, af, melBands));
        }
        char sep = CsvFormat.parseSeparator(separator);
        return Dataset.ofTables(input.files(), tableSpec(columns(input, sep)), sep, timestampColumn, labelColumn);
    }

    /** {@code --columns}, else every numeric column of the first file but the timestamp and label columns. */
    private List<String> columns(InputFiles input, char sep) {
        return columns != null && !columns.isEmpty() ? columns
                : CsvReader.numericColumns(input.files().get(0), sep,
                        Stream.of(timestampColumn, labelColumn, classColumn).filter(Objects::nonNull).toList());
    }

    private FrameSpec tableSpec(List<String> names) {
        if (layout == null || layout.equals("vector")) {
            return new VectorFrameSpec(names);
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
            throw new IllegalArgumentException("window: expected a row count or auto for the window layout, got '" + window + "'", e);
        }
        return new WindowFrameSpec(names, w, hop == null ? 1 : hop);
    }
}
