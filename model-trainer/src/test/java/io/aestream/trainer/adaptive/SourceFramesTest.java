package io.aestream.trainer.adaptive;

import io.aestream.frame.WindowFrameSpec;
import io.aestream.trainer.data.BadInputException;
import io.aestream.trainer.data.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourceFramesTest {
    private static final WindowFrameSpec SPEC = new WindowFrameSpec(List.of("a", "b"), 3, 1);
    @TempDir
    Path dir;

    private Path csv(String name, String... rows) throws IOException {
        return Files.writeString(dir.resolve(name), "key,ts,a,b\n" + String.join("\n", rows) + "\n");
    }

    @Test
    void shouldFrameLikeTheTrainerWhenEachFileIsOneSource() throws IOException {
        // Given two files of one source each
        Path one = csv("one.csv", "s,1,1,10", "s,2,2,20", "s,3,3,30", "s,4,4,40");
        Path two = csv("two.csv", "s,5,5,50", "s,6,6,60", "s,7,7,70");
        Dataset data = Dataset.ofTables(List.of(one, two), SPEC, ',', "ts", null);

        // When framed without a key column
        SourceFrames frames = SourceFrames.of(data, null);

        // Then frames, owners and order are the trainer's per-file frames; keys name the files, ts the completing rows
        assertThat(frames.frames()).extracting(f -> f.values()).containsExactly(data.frames().frames());
        assertThat(frames.lastRow()).containsExactly(data.frames().lastRow());
        assertThat(frames.frames()).extracting(f -> f.key()).containsExactly(one.toString(), one.toString(), two.toString());
        assertThat(frames.frames()).extracting(f -> f.ts()).containsExactly(3L, 4L, 7L);
    }

    @Test
    void shouldWindowEachSourceOnItsOwnWhenKeyColumnInterleavesThem() throws IOException {
        // Given two sources interleaved row by row
        Path f = csv("mixed.csv", "x,1,1,10", "y,1,-1,-10", "x,2,2,20", "y,2,-2,-20", "x,3,3,30", "y,3,-3,-30", "x,4,4,40");
        Dataset data = Dataset.ofTables(List.of(f), SPEC, ',', "ts", null);

        // When framed by the key column
        String[] keys = SourceFrames.keysFromColumn(List.of(f), ',', SPEC.columns(), "key");
        SourceFrames frames = SourceFrames.of(data, keys);

        // Then each window holds one source's rows only, time-major, and belongs to that source's completing row
        assertThat(frames.frames()).extracting(fr -> fr.key()).containsExactly("x", "y", "x");
        assertThat(frames.frames().get(0).values()).containsExactly(1, 10, 2, 20, 3, 30);
        assertThat(frames.frames().get(1).values()).containsExactly(-1, -10, -2, -20, -3, -30);
        assertThat(frames.frames().get(2).values()).containsExactly(2, 20, 3, 30, 4, 40);
        assertThat(frames.lastRow()).containsExactly(4, 5, 6);
    }

    @Test
    void shouldTakeTimestampsAsTheStreamDoesWhenTextIsMillisOrIso() {
        assertThat(SourceFrames.timestamp("1700000000000", 9)).isEqualTo(1_700_000_000_000L);
        assertThat(SourceFrames.timestamp("2024-01-01T00:00:01Z", 9)).isEqualTo(1_704_067_201_000L);
        assertThat(SourceFrames.timestamp("2024-01-01 00:00:01", 9)).isEqualTo(9);
        assertThat(SourceFrames.timestamp(null, 9)).isEqualTo(9);
    }

    @Test
    void shouldRejectKeyColumnWhenItIsAFeatureOrEmpty() throws IOException {
        Path f = csv("bad.csv", "x,1,1,10", ",2,2,20");

        assertThatThrownBy(() -> SourceFrames.keysFromColumn(List.of(f), ',', SPEC.columns(), "a"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--key-column: 'a' is a feature column");
        assertThatThrownBy(() -> SourceFrames.keysFromColumn(List.of(f), ',', SPEC.columns(), "key"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("empty source key");
    }
}
