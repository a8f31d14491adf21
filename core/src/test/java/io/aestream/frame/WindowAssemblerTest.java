package io.aestream.frame;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WindowAssemblerTest {
    private final WindowFrameSpec spec = new WindowFrameSpec(List.of("a", "b"), 3, 2);

    @Test
    void shouldEmitFirstFrameAfterWindowRowsThenEveryHop() {
        WindowAssembler wa = new WindowAssembler(spec);
        WindowState st = WindowState.empty(spec);
        List<Integer> emittedAt = new ArrayList<>();
        List<double[]> frames = new ArrayList<>();
        for (int r = 0; r < 8; r++) {
            double[] f = wa.push(st, new double[] {r, 10 * r});
            if (f != null) {
                emittedAt.add(r);
                frames.add(f);
            }
        }
        assertThat(emittedAt).containsExactly(2, 4, 6);
        assertThat(frames.get(1)).containsExactly(2, 20, 3, 30, 4, 40);
    }

    @Test
    void shouldResumeIdenticallyFromSerializedState() {
        WindowAssembler wa = new WindowAssembler(spec);
        WindowState straight = WindowState.empty(spec);
        WindowState resumed = WindowState.empty(spec);
        for (int r = 0; r < 20; r++) {
            double[] row = {Math.sin(r), Math.cos(r)};
            double[] a = wa.push(straight, row);
            resumed = WindowState.fromBytes(resumed.toBytes());
            double[] b = wa.push(resumed, row);
            assertThat(b).isEqualTo(a);
        }
        assertThat(resumed.rowsSeen()).isEqualTo(20);
    }

    @Test
    void shouldNameFeaturesByColumnAndLag() {
        assertThat(spec.featureNames()).containsExactly("a@t-2", "b@t-2", "a@t-1", "b@t-1", "a@t-0", "b@t-0");
    }

    @Test
    void shouldRejectInvalidSpecsAndRows() {
        assertThatThrownBy(() -> new WindowFrameSpec(List.of("a"), 4, 5)).hasMessage("hop: must be in [1, window=4], got 5");
        assertThatThrownBy(() -> new WindowFrameSpec(List.of("a", "a"), 4, 1)).hasMessage("columns: duplicate names in [a, a]");
        assertThatThrownBy(() -> new WindowAssembler(spec).push(WindowState.empty(spec), new double[3]))
                .hasMessage("row: expected 2 values ([a, b]), found 3");
        assertThatThrownBy(() -> WindowState.fromBytes(new byte[] {9})).hasMessage("window state: unknown version 9");
    }
}
