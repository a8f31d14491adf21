package io.aestream.trainer.data;

import io.aestream.trainer.Synthetic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InputFilesTest {
    @TempDir
    Path dir;

    @Test
    void shouldListADirectorysDataFilesSortedByNameWhenGivenADirectory() throws IOException {
        Files.createDirectories(dir.resolve("logs"));
        Files.writeString(dir.resolve("logs/2024-02.csv"), "x\n1\n");
        Files.writeString(dir.resolve("logs/2024-01.csv"), "x\n1\n");
        Files.writeString(dir.resolve("logs/notes.md"), "ignored");

        InputFiles in = InputFiles.expand(List.of(dir.resolve("logs")));

        assertThat(in.kind()).isEqualTo(InputFiles.Kind.TABLE);
        assertThat(in.files()).extracting(p -> p.getFileName().toString()).containsExactly("2024-01.csv", "2024-02.csv");
    }

    @Test
    void shouldRefuseMixingCsvAndWavAndMissingFiles() throws IOException {
        Path csv = dir.resolve("a.csv");
        Files.writeString(csv, "x\n1\n");
        Path wav = Synthetic.wav(dir, "b.wav", 8000, new double[10]);

        assertThatThrownBy(() -> InputFiles.expand(List.of(csv, wav))).hasMessage("file " + wav + ": cannot mix table and audio input files");
        assertThatThrownBy(() -> InputFiles.expand(List.of(dir.resolve("nope.csv")))).hasMessage("file " + dir.resolve("nope.csv") + ": does not exist");
    }
}
