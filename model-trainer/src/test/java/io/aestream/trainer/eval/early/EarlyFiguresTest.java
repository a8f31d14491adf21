package io.aestream.trainer.eval.early;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class EarlyFiguresTest {
    private static final boolean[] LABELS = rows(100, 20, 30, 60, 70);

    private static boolean[] rows(int n, int... runs) {
        boolean[] b = new boolean[n];
        for (int k = 0; k < runs.length; k += 2) {
            for (int i = runs[k]; i < runs[k + 1]; i++) {
                b[i] = true;
            }
        }
        return b;
    }

    @Test
    void shouldScoreHundredUnderEveryProfileWhenFlagsHitEachWindowStartOnly() {
        EarlyFigures f = EarlyFigures.of(rows(100, 20, 21, 60, 61), LABELS);

        assertThat(f.standard()).isCloseTo(100, within(1e-9));
        assertThat(f.lowFp()).isCloseTo(100, within(1e-9));
        assertThat(f.lowFn()).isCloseTo(100, within(1e-9));
        assertThat(f.windows()).isEqualTo(2);
        assertThat(f.detected()).isEqualTo(2);
        assertThat(f.falsePositives()).isZero();
    }

    @Test
    void shouldPenaliseLowFpProfileMostWhenFlagsFallOutsideWindows() {
        // Given both windows found at their start, plus five false alarms before the first
        EarlyFigures f = EarlyFigures.of(rows(100, 0, 5, 20, 21, 60, 61), LABELS);

        // Then every profile loses, the low-FP one most
        assertThat(f.falsePositives()).isEqualTo(5);
        assertThat(f.lowFp()).isLessThan(f.standard());
        assertThat(f.standard()).isLessThan(100);
    }

    @Test
    void shouldRejectFlagsWhenTheirLengthDiffersFromTheLabels() {
        assertThatThrownBy(() -> EarlyFigures.of(new boolean[3], LABELS)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 flags for 100 labels");
    }
}
