package io.aestream.trainer.data;

import io.aestream.frame.VectorFrameSpec;
import io.aestream.frame.WindowFrameSpec;
import io.aestream.scoring.Normalizer;
import io.aestream.trainer.Synthetic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TrainingDataTest {
    @TempDir
    Path dir;

    @Test
    void shouldPutValidationAfterTrainingInTimeOrderWhenSplittingByRows() {
        Split s = Split.of("100:300", 1.0, 0.25, 1000);
        assertThat(s.train()).isEqualTo(new RowRange(100, 250));
        assertThat(s.validation()).isEqualTo(new RowRange(250, 300));

        Split f = Split.of(null, 0.5, 0.2, 1000);
        assertThat(f.train()).isEqualTo(new RowRange(0, 400));
        assertThat(f.validation()).isEqualTo(new RowRange(400, 500));
        assertThat(RowRange.parse("400:", 1000)).isEqualTo(new RowRange(400, 1000));
        assertThatThrownBy(() -> Split.of("a:b", 1, 0.2, 10)).hasMessageContaining("row range: expected A:B with integers, got 'a:b'");
    }

    @Test
    void shouldFitTheNormalizerOnTrainingRowsOnlyWhenLaterRowsDiffer() throws IOException {
        // Given rows 0..99 with x = row, and a huge value after the training range
        StringBuilder b = new StringBuilder("x\n");
        for (int i = 0; i < 100; i++) {
            b.append(i < 50 ? i : 1e6).append('\n');
        }
        Path f = dir.resolve("x.csv");
        Files.writeString(f, b.toString());
        Dataset d = Dataset.ofTables(List.of(f), new VectorFrameSpec(List.of("x")), ',', null, null);

        // When training on rows 0:50 with 20 % validation (rows 40:50)
        TrainingData t = TrainingData.prepare(d, Split.of("0:50", 1, 0.2, d.rows()), NormalizerKind.STANDARDIZE);

        // Then mean/std come from rows 0..39 only, and the frames are split in order, unshuffled
        Normalizer.Standardize n = (Normalizer.Standardize) t.normalizer();
        assertThat(n.mean()[0]).isCloseTo(19.5, within(1e-9));
        assertThat(n.std()[0]).isCloseTo(Math.sqrt((40 * 40 - 1) / 12.0), within(1e-9));
        assertThat(t.trainFrames()).containsExactly(java.util.stream.IntStream.range(0, 40).toArray());
        assertThat(t.validationFrames()).containsExactly(java.util.stream.IntStream.range(40, 50).toArray());
    }

    @Test
    void shouldTilePerColumnStatisticsOverTheWindowAndDropLabelledFramesWhenLayoutIsWindow() throws IOException {
        Path f = Synthetic.sensors(dir, "s.csv", 200, 60, 70, ';', 1);
        Dataset d = Dataset.ofTables(List.of(f), new WindowFrameSpec(List.of("a", "b", "c"), 5, 1), ';', "ts", "label");

        TrainingData t = TrainingData.prepare(d, Split.of("0:150", 1, 0.2, d.rows()), NormalizerKind.MINMAX);

        Normalizer.MinMax n = (Normalizer.MinMax) t.normalizer();
        assertThat(n.size()).isEqualTo(15);
        for (int k = 1; k < 5; k++) {
            assertThat(n.min()[3 * k + 2]).isEqualTo(n.min()[2]);
            assertThat(n.max()[3 * k]).isEqualTo(n.max()[0]);
        }
        // no training frame touches the labelled rows 60..69, and all lie in rows 0..119
        for (int i : t.trainFrames()) {
            int first = d.frames().firstRow()[i];
            int last = d.frames().lastRow()[i];
            assertThat(last < 60 || first >= 70).isTrue();
            assertThat(last).isLessThan(120);
        }
        assertThat(t.trainFrames()).hasSize(120 - 4 - 14);
        assertThat(t.validationFrames()).hasSize(30 - 4);
        for (int i : t.validationFrames()) {
            assertThat(d.frames().firstRow()[i]).isGreaterThanOrEqualTo(120);
            assertThat(d.frames().lastRow()[i]).isLessThan(150);
        }
        // labelled anomalies are still present in the data and in the labels
        assertThat(d.rowLabels()[65]).isTrue();
    }
}
