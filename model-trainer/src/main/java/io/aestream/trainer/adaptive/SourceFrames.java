package io.aestream.trainer.adaptive;

import io.aestream.adaptive.Backtest;
import io.aestream.frame.WindowAssembler;
import io.aestream.frame.WindowFrameSpec;
import io.aestream.frame.WindowState;
import io.aestream.trainer.data.BadInputException;
import io.aestream.trainer.data.CsvFormat;
import io.aestream.trainer.data.CsvReader;
import io.aestream.trainer.data.CsvTable;
import io.aestream.trainer.data.Dataset;
import io.aestream.trainer.data.FrameSet;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Input rows → the frames the stream app builds from the same rows sent as records: each source key's rows, in
 * input order, go through that key's own {@link WindowAssembler} (vector layout: a row is a frame), and a frame
 * carries its key, the timestamp of the row that completes it and that row's global index. Without a key column
 * every file is one source, which gives exactly the trainer's per-file framing ({@link Dataset#frames()}).
 *
 * @param frames  in the order they complete
 * @param lastRow per frame, the global row that completes (and owns) it
 */
public record SourceFrames(List<Backtest.Frame> frames, int[] lastRow) {

    public int size() {
        return frames.size();
    }

    /** Frames of {@code data}; {@code keys} gives each global row's source, or is null for one source per file. */
    public static SourceFrames of(Dataset data, String[] keys) {
        if (data.tables().isEmpty()) {
            if (keys != null) {
                throw new IllegalArgumentException("--key-column: only for CSV/TSV input, not audio");
            }
            return ofFrameSet(data);
        }
        WindowAssembler assembler = data.spec() instanceof WindowFrameSpec w ? new WindowAssembler(w) : null;
        Map<String, WindowState> windows = new HashMap<>();
        List<Backtest.Frame> frames = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int r = 0; r < data.rows(); r++) {
            String key = keys != null ? keys[r] : sourceOfFile(data, r);
            double[] row = data.rowValues(r);
            double[] frame = assembler == null ? row.clone()
                    : assembler.push(windows.computeIfAbsent(key, k -> WindowState.empty((WindowFrameSpec) data.spec())), row);
            if (frame != null) {
                frames.add(new Backtest.Frame(key, timestamp(data.timestamp(r), r), frame));
                owners.add(r);
            }
        }
        return new SourceFrames(frames, owners.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Audio: the STFT frames as framed, one source per recording; frame i's timestamp is its index. */
    private static SourceFrames ofFrameSet(Dataset data) {
        FrameSet set = data.frames();
        List<Backtest.Frame> frames = new ArrayList<>(set.size());
        for (int i = 0; i < set.size(); i++) {
            frames.add(new Backtest.Frame(data.files().get(set.file()[i]).toString(), set.lastRow()[i], set.frames()[i]));
        }
        return new SourceFrames(frames, set.lastRow().clone());
    }

    /**
     * The text of {@code keyColumn} for every data row of {@code files}, read with the same reader (and so the same
     * row numbering) as the features.
     */
    public static String[] keysFromColumn(List<Path> files, char separator, List<String> columns, String keyColumn) {
        if (columns.contains(keyColumn)) {
            throw new IllegalArgumentException("--key-column: '" + keyColumn + "' is a feature column of the model " + columns);
        }
        CsvReader reader = new CsvReader(new CsvFormat(separator, columns, keyColumn, null));
        List<String> keys = new ArrayList<>();
        for (Path f : files) {
            CsvTable t = reader.read(f);
            for (int r = 0; r < t.rows(); r++) {
                String key = t.timestamps()[r];
                if (key.isEmpty()) {
                    throw BadInputException.atCell(f, t.lines()[r], keyColumn, "empty source key");
                }
                keys.add(key);
            }
        }
        return keys.toArray(String[]::new);
    }

    private static String sourceOfFile(Dataset data, int row) {
        int[] start = data.frames().fileStartRow();
        int f = 0;
        while (row >= start[f + 1]) {
            f++;
        }
        return data.files().get(f).toString();
    }

    /**
     * The record timestamp the stream would take from this row's {@code ts}: epoch milliseconds or ISO-8601; rows
     * without one (or with other text) get their global row index. Adaptive scoring only passes it through.
     */
    static long timestamp(String text, int row) {
        if (text == null || text.isBlank()) {
            return row;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException notMillis) {
            try {
                return OffsetDateTime.parse(text.trim()).toInstant().toEpochMilli();
            } catch (DateTimeParseException notIso) {
                return row;
            }
        }
    }
}
