package io.aestream.trainer.data;

import io.aestream.frame.VectorFrameSpec;
import io.aestream.frame.WindowFrameSpec;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FramerTest {
    private static CsvTable table(String name, double... firstColumn) {
        double[][] v = new double[firstColumn.length][];
        for (int i = 0; i < v.length; i++) {
            v[i] = new double[] {firstColumn[i], -firstColumn[i]};
        }
        return new CsvTable(Path.of(name), v, null, null, new long[v.length]);
    }

    @Test
    void shouldCutTimeMajorWindowsOwnedByTheirLastRowWhenLayoutIsWindow() {
        // Given 5 rows, window 3, hop 1
        WindowFrameSpec spec = new WindowFrameSpec(List.of("x", "y"), 3, 1);

        // When
        FrameSet fs = Framer.frameTables(spec, List.of(table("a", 0, 1, 2, 3, 4)));

        // Then three windows, rows 0-2, 1-3, 2-4, flattened oldest row first
        assertThat(fs.size()).isEqualTo(3);
        assertThat(fs.firstRow()).containsExactly(0, 1, 2);
        assertThat(fs.lastRow()).containsExactly(2, 3, 4);
        assertThat(fs.frames()[1]).containsExactly(1, -1, 2, -2, 3, -3);
    }

    @Test
    void shouldNeverLetAWindowSpanTwoFilesWhenInputHasSeveralFiles() {
        WindowFrameSpec spec = new WindowFrameSpec(List.of("x", "y"), 3, 2);

        FrameSet fs = Framer.frameTables(spec, List.of(table("a", 0, 1, 2, 3), table("b", 10, 11, 12, 13, 14)));

        // file a: rows 0-3 → one window ending at row 2; file b: rows 4-8 → windows ending at 6 and 8
        assertThat(fs.rows()).isEqualTo(9);
        assertThat(fs.lastRow()).containsExactly(2, 6, 8);
        assertThat(fs.file()).containsExactly(0, 1, 1);
        assertThat(fs.frames()[1]).containsExactly(10, -10, 11, -11, 12, -12);
        assertThat(fs.localRow(2)).isEqualTo(4);
    }

    @Test
    void shouldMakeOneFramePerRowWhenLayoutIsVector() {
        FrameSet fs = Framer.frameTables(new VectorFrameSpec(List.of("x", "y")), List.of(table("a", 5, 6)));
        assertThat(fs.frames()).isDeepEqualTo(new double[][] {{5, -5}, {6, -6}});
        assertThat(fs.firstRow()).containsExactly(0, 1);
    }
}
