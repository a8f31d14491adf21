package io.aestream.trainer.eval;

import io.aestream.trainer.data.FrameSet;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FlagRuleTest {
    // 6 rows, windows of 3 with hop 1: frames own rows 2, 3, 4, 5
    private final FrameSet windows = new FrameSet(new double[4][1], new int[] {0, 1, 2, 3}, new int[] {2, 3, 4, 5},
            new int[4], new int[] {0, 6});
    private final double[] scores = {1, 5, 5, 2};

    @Test
    void shouldGiveEachRowTheScoreOfTheWindowItEndsWhenRuleIsLast() {
        assertThat(FlagRule.LAST.rowScores(windows, scores)).containsExactly(Double.NaN, Double.NaN, 1, 5, 5, 2);
    }

    @Test
    void shouldGiveEachRowTheLowestScoreOfEveryCoveringWindowWhenRuleIsAll() {
        // row 2 is covered by windows 0..2 (scores 1, 5, 5) → 1; row 3 by windows 1..3 (5, 5, 2) → 2
        assertThat(FlagRule.ALL.rowScores(windows, scores)).containsExactly(1, 1, 1, 2, 2, 2);
    }
}
