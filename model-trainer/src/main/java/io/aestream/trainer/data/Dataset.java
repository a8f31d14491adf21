package io.aestream.trainer.data;

import io.aestream.frame.AudioFrameSpec;
import io.aestream.frame.FrameSpec;
import io.aestream.frame.VectorFrameSpec;
import io.aestream.frame.WindowFrameSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Input files read and framed under one frame spec. Tabular input keeps its rows (timestamps, labels, raw
 * values) for scoring and denoising; audio input keeps its recordings.
 */
public record Dataset(FrameSpec spec, List<Path> files, List<CsvTable> tables, List<WavAudio> audio, FrameSet frames) {

    public Dataset {
        files = List.copyOf(files);
        tables = List.copyOf(tables);
        audio = List.copyOf(audio);
    }

    /** Reads CSV/TSV files with the columns of a vector or window spec. */
    public static Dataset ofTables(List<Path> files, FrameSpec spec, char separator, String timestampColumn, String labelColumn) {
        CsvReader reader = new CsvReader(new CsvFormat(separator, Framer.columns(spec), timestampColumn, labelColumn));
        List<CsvTable> tables = files.stream().map(reader::read).toList();
        FrameSet frames = Framer.frameTables(spec, tables);
        if (frames.size() == 0) {
            throw BadInputException.inFile(files.get(0), "no complete frame: every file is shorter than the window");
        }
        return new Dataset(spec, files, tables, List.of(), frames);
    }

    /** Reads WAV files; the spec is made for their sample rate, which all files must share. */
    public static Dataset ofAudio(List<Path> files, IntFunction<AudioFrameSpec> specForRate) {
        List<WavAudio> audio = new ArrayList<>();
        for (Path f : files) {
            WavAudio a = WavIO.read(f);
            if (!audio.isEmpty() && a.sampleRate() != audio.get(0).sampleRate()) {
                throw BadInputException.inFile(f, "sample rate " + a.sampleRate() + " Hz differs from "
                        + audio.get(0).sampleRate() + " Hz of " + files.get(0));
            }
            audio.add(a);
        }
        AudioFrameSpec spec = specForRate.apply(audio.get(0).sampleRate());
        FrameSet frames = Framer.frameAudio(spec, audio);
        if (frames.size() == 0) {
            throw BadInputException.inFile(files.get(0), "shorter than one hop of " + spec.hop() + " samples");
        }
        return new Dataset(spec, files, List.of(), audio, frames);
    }

    /** Reads WAV files that must match {@code spec}'s sample rate (scoring against a bundle). */
    public static Dataset ofAudio(List<Path> files, AudioFrameSpec spec) {
        return ofAudio(files, rate -> {
            if (rate != spec.sampleRate()) {
                throw BadInputException.inFile(files.get(0), "sample rate " + rate + " Hz, but the model expects "
                        + spec.sampleRate() + " Hz");
            }
            return spec;
        });
    }

    /** The same rows framed over a subset of the columns (in the given order), e.g. without constant columns. */
    public Dataset select(List<String> columns) {
        List<String> have = Framer.columns(spec);
        int[] idx = columns.stream().mapToInt(c -> {
            int i = have.indexOf(c);
            if (i < 0) {
                throw new IllegalArgumentException("columns: unknown column '" + c + "', the input has " + have);
            }
            return i;
        }).toArray();
        FrameSpec narrowed = spec instanceof WindowFrameSpec w ? new WindowFrameSpec(columns, w.window(), w.hop())
                : new VectorFrameSpec(columns);
        List<CsvTable> projected = tables.stream().map(t -> {
            double[][] v = new double[t.rows()][];
            for (int r = 0; r < v.length; r++) {
                v[r] = new double[idx.length];
                for (int j = 0; j < idx.length; j++) {
                    v[r][j] = t.values()[r][idx[j]];
                }
            }
            return new CsvTable(t.file(), v, t.timestamps(), t.labels(), t.lines());
        }).toList();
        return new Dataset(narrowed, files, projected, List.of(), Framer.frameTables(narrowed, projected));
    }

    public int rows() {
        return frames.rows();
    }

    /** Row labels over all files, or null when no label column was read. */
    public boolean[] rowLabels() {
        if (tables.isEmpty() || tables.get(0).labels() == null) {
            return null;
        }
        boolean[] out = new boolean[rows()];
        int at = 0;
        for (CsvTable t : tables) {
            System.arraycopy(t.labels(), 0, out, at, t.rows());
            at += t.rows();
        }
        return out;
    }

    /** The timestamp text of a global row, or null without a timestamp column. */
    public String timestamp(int row) {
        int f = fileOfRow(row);
        if (tables.isEmpty() || tables.get(f).timestamps() == null) {
            return null;
        }
        return tables.get(f).timestamps()[row - frames.fileStartRow()[f]];
    }

    /** The raw values of a global row (tabular input). */
    public double[] rowValues(int row) {
        int f = fileOfRow(row);
        return tables.get(f).values()[row - frames.fileStartRow()[f]];
    }

    private int fileOfRow(int row) {
        int[] start = frames.fileStartRow();
        for (int f = 0; f < start.length - 1; f++) {
            if (row < start[f + 1]) {
                return f;
            }
        }
        throw new IndexOutOfBoundsException("row " + row + " of " + rows());
    }
}
