package io.aestream.trainer.eval;

import io.aestream.trainer.data.FrameSet;
import io.aestream.trainer.data.RowRange;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void shouldScoreRowsFromTheWindowsBeforeTheirOwnInTheNotebookLoopWhenRuleIsSkabNotebook() {
        // Given two files of 10 and 7 rows, windows of 3 with hop 1 over each whole file (8 and 5 windows)
        FrameSet twoFiles = new FrameSet(new double[13][1], new int[] {0, 1, 2, 3, 4, 5, 6, 7, 10, 11, 12, 13, 14},
                new int[] {2, 3, 4, 5, 6, 7, 8, 9, 12, 13, 14, 15, 16}, new int[] {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1},
                new int[] {0, 10, 17});
        double[] windowScores = {5, 6, 1, 7, 8, 9, 9, 9, 4, 3, 8, 2, 6};

        // When the evaluated range is the second half of the first file only
        double[] rows = FlagRule.SKAB_NOTEBOOK.rowScores(twoFiles, windowScores, new RowRange(5, 10));

        // Then, whatever the range, file 1 row r in [2, 8-3] takes min(window r-2, window r-1): row 2 → min(5, 6),
        // row 3 → min(6, 1), row 4 → min(1, 7), row 5 → min(7, 8) (its own window, 9, left out); rows 0, 1 and
        // 6..9 score 0. File 2 (5 windows) only scores its local row 2 → min(4, 3); the rest score 0
        assertThat(rows).containsExactly(0, 0, 5, 1, 1, 7, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0);
    }

    @Test
    void shouldRejectWindowsNotStartingAtEveryRowWhenRuleIsSkabNotebook() {
        // Given windows of 3 with hop 2
        FrameSet hopTwo = new FrameSet(new double[3][1], new int[] {0, 2, 4}, new int[] {2, 4, 6}, new int[3], new int[] {0, 7});

        // When / Then the rule refuses, naming the missing window
        assertThatThrownBy(() -> FlagRule.SKAB_NOTEBOOK.rowScores(hopTwo, new double[] {1, 1, 1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("flag rule skab-notebook: needs a window starting at every row of a file, expected one at row 1,"
                        + " got row 2");
    }

    @Test
    void shouldParseTheRuleNamesWithDashes() {
        assertThat(FlagRule.parse("all-in-range")).isEqualTo(FlagRule.ALL_IN_RANGE);
        assertThat(FlagRule.parse("skab-notebook")).isEqualTo(FlagRule.SKAB_NOTEBOOK);
    }
}
