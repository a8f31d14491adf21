package io.aestream.trainer.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvReaderTest {
    @TempDir
    Path dir;

    private final CsvReader reader = new CsvReader(new CsvFormat(';', List.of("b", "a"), "ts", "label"));

    private Path write(String content) throws IOException {
        Path f = dir.resolve("in.csv");
        Files.writeString(f, content);
        return f;
    }

    @Test
    void shouldReadChosenColumnsInOrderWithTimestampAndLabelWhenHeaderHasThem() throws IOException {
        // Given columns in another order than the header, and an unused column
        Path f = write("ts;a;x;b;label\nt0;1.5;zz;2;0\nt1;-3e-1;zz;4.25;1.0\n");

        // When
        CsvTable t = reader.read(f);

        // Then
        assertThat(t.values()).isDeepEqualTo(new double[][] {{2, 1.5}, {4.25, -0.3}});
        assertThat(t.timestamps()).containsExactly("t0", "t1");
        assertThat(t.labels()).containsExactly(false, true);
        assertThat(t.lines()).containsExactly(2L, 3L);
    }

    @Test
    void shouldReadTabSeparatedFilesWhenSeparatorIsTab() throws IOException {
        Path f = write("a\tb\n1\t2\n");
        CsvTable t = new CsvReader(new CsvFormat(CsvFormat.parseSeparator("\\t"), List.of("a", "b"), null, null)).read(f);
        assertThat(t.values()).isDeepEqualTo(new double[][] {{1, 2}});
        assertThat(t.timestamps()).isNull();
        assertThat(t.labels()).isNull();
    }

    @Test
    void shouldNameFileLineAndColumnWhenAColumnIsMissing() throws IOException {
        Path f = write("ts;a;label\nt0;1;0\n");
        assertThatThrownBy(() -> reader.read(f)).isInstanceOf(BadInputException.class)
                .hasMessage("file " + f + ", line 1, column 'b': missing column; the header has [ts, a, label]");
    }

    @Test
    void shouldNameFileLineAndColumnWhenACellIsNotNumeric() throws IOException {
        Path f = write("ts;a;b;label\nt0;1;2;0\nt1;1;two;0\n");
        assertThatThrownBy(() -> reader.read(f))
                .hasMessage("file " + f + ", line 3, column 'b': not a number: 'two'");
    }

    @Test
    void shouldRejectNaNAndInfinityWhenCellsAreNotFinite() throws IOException {
        Path nan = write("ts;a;b;label\nt0;NaN;2;0\n");
        assertThatThrownBy(() -> reader.read(nan)).hasMessage("file " + nan + ", line 2, column 'a': not a finite number: 'NaN'");
        Path inf = write("ts;a;b;label\nt0;1;2;0\n\nt1;1;-Infinity;0\n");
        assertThatThrownBy(() -> reader.read(inf)).hasMessage("file " + inf + ", line 4, column 'b': not a finite number: '-Infinity'");
    }

    @Test
    void shouldRejectEmptyFilesAndFilesWithoutRows() throws IOException {
        Path empty = write("");
        assertThatThrownBy(() -> reader.read(empty)).hasMessage("file " + empty + ", line 1: empty file: a header line is required");
        Path headerOnly = write("ts;a;b;label\n");
        assertThatThrownBy(() -> reader.read(headerOnly)).hasMessage("file " + headerOnly + ", line 2: no data rows after the header");
    }

    @Test
    void shouldRejectLabelsOtherThanZeroOrOne() throws IOException {
        Path f = write("ts;a;b;label\nt0;1;2;yes\n");
        assertThatThrownBy(() -> reader.read(f)).hasMessage("file " + f + ", line 2, column 'label': label must be 0 or 1, got 'yes'");
    }

    @Test
    void shouldNameTheColumnWhenALineIsShort() throws IOException {
        Path f = write("ts;a;b;label\nt0;1\n");
        assertThatThrownBy(() -> reader.read(f)).hasMessage("file " + f + ", line 2, column 'b': missing value (the line has only 2 fields)");
    }
}
