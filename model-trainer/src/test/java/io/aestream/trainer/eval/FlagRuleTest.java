package io.aestream.trainer.eval;

import io.aestream.trainer.data.FrameSet;
import io.aestream.trainer.data.RowRange;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

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

    @Test
    void shouldNeverFlagRowsWithoutTheirFullSetOfWindowsInRangeWhenRuleIsAllInRange() {
        // Given 10 rows, windows of 3 with hop 1 (frames own rows 2..9), evaluated rows 3..9
        FrameSet tenRows = new FrameSet(new double[8][1], new int[] {0, 1, 2, 3, 4, 5, 6, 7}, new int[] {2, 3, 4, 5, 6, 7, 8, 9},
                new int[8], new int[] {0, 10});
        double[] high = {9, 9, 9, 9, 9, 4, 9, 9};

        // When
        double[] rows = FlagRule.ALL_IN_RANGE.rowScores(tenRows, high, new RowRange(3, 10));

        // Then rows 3, 4 (covered by windows starting before row 3) and 8, 9 (fewer than 3 windows) score 0;
        // rows 5..7 take the lowest of their 3 in-range windows, and window 5 (rows 5..7) scores 4
        assertThat(Arrays.copyOfRange(rows, 3, 10)).containsExactly(0, 0, 4, 4, 4, 0, 0);
    }

    @Test
    void shouldParseTheRuleNamesWithDashes() {
        assertThat(FlagRule.parse("all-in-range")).isEqualTo(FlagRule.ALL_IN_RANGE);
    }
}
