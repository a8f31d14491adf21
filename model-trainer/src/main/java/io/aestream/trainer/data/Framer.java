package io.aestream.trainer.data;

import io.aestream.frame.AudioFrameSpec;
import io.aestream.frame.AudioProcessor;
import io.aestream.frame.FrameSpec;
import io.aestream.frame.TabularFrameSpec;
import io.aestream.frame.VectorFrameSpec;
import io.aestream.frame.WindowAssembler;
import io.aestream.frame.WindowFrameSpec;
import io.aestream.frame.WindowState;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts frames with the same core code the stream app uses ({@link WindowAssembler}, {@link AudioProcessor}),
 * restarting at every file so that no frame spans two files.
 */
public final class Framer {
    private Framer() {
    }

    /** Frames of tabular rows under a vector or window spec. */
    public static FrameSet frameTables(FrameSpec spec, List<CsvTable> tables) {
        Builder b = new Builder(tables.size());
        for (int f = 0; f < tables.size(); f++) {
            double[][] rows = tables.get(f).values();
            int offset = b.startFile(f, rows.length);
            if (spec instanceof WindowFrameSpec w) {
                WindowAssembler assembler = new WindowAssembler(w);
                WindowState state = WindowState.empty(w);
                for (int r = 0; r < rows.length; r++) {
                    double[] frame = assembler.push(state, rows[r]);
                    if (frame != null) {
                        b.add(frame, offset + r - w.window() + 1, offset + r, f);
                    }
                }
            } else if (spec instanceof VectorFrameSpec) {
                for (int r = 0; r < rows.length; r++) {
                    b.add(rows[r].clone(), offset + r, offset + r, f);
                }
            } else {
                throw new IllegalArgumentException("frame spec: audio frames need WAV input, not tables");
            }
        }
        return b.build();
    }

    /** Log-spectral frames of each recording; one row per STFT frame. */
    public static FrameSet frameAudio(AudioFrameSpec spec, List<WavAudio> audio) {
        AudioProcessor processor = new AudioProcessor(spec, null);
        Builder b = new Builder(audio.size());
        for (int f = 0; f < audio.size(); f++) {
            List<double[]> features = processor.features(audio.get(f).samples());
            int offset = b.startFile(f, features.size());
            for (int j = 0; j < features.size(); j++) {
                b.add(features.get(j), offset + j, offset + j, f);
            }
        }
        return b.build();
    }

    /** The columns a tabular spec reads. */
    public static List<String> columns(FrameSpec spec) {
        if (spec instanceof TabularFrameSpec t) {
            return t.columns();
        }
        throw new IllegalArgumentException("frame spec: audio has no columns");
    }

    private static final class Builder {
        private final List<double[]> frames = new ArrayList<>();
        private final List<int[]> meta = new ArrayList<>();
        private final int[] fileStart;
        private int rows;

        Builder(int files) {
            this.fileStart = new int[files + 1];
        }

        int startFile(int f, int fileRows) {
            fileStart[f] = rows;
            rows += fileRows;
            fileStart[f + 1] = rows;
            return fileStart[f];
        }

        void add(double[] frame, int first, int last, int file) {
            frames.add(frame);
            meta.add(new int[] {first, last, file});
        }

        FrameSet build() {
            int n = frames.size();
            int[] first = new int[n];
            int[] last = new int[n];
            int[] file = new int[n];
            for (int i = 0; i < n; i++) {
                first[i] = meta.get(i)[0];
                last[i] = meta.get(i)[1];
                file[i] = meta.get(i)[2];
            }
            return new FrameSet(frames.toArray(double[][]::new), first, last, file, fileStart);
        }
    }
}
