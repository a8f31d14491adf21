package io.aestream.trainer.eval.early;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class EarlyDetectionScoreTest {
    private static final int N = 1000;
    private static final List<AnomalyWindow> WINDOWS = List.of(new AnomalyWindow(200, 299), new AnomalyWindow(600, 649));

    @ParameterizedTest
    @EnumSource(CostProfile.class)
    void shouldScoreHundredWhenDetectorFiresAtEveryWindowStart(CostProfile profile) {
        boolean[] d = flags(200, 600);

        EarlyDetectionResult r = EarlyDetectionScore.score(WINDOWS, d, profile);

        assertThat(r.normalized()).isCloseTo(100, within(1e-9));
        assertThat(r.detected()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(CostProfile.class)
    void shouldScoreZeroWhenDetectorNeverFires(CostProfile profile) {
        EarlyDetectionResult r = EarlyDetectionScore.score(WINDOWS, new boolean[N], profile);

        assertThat(r.normalized()).isCloseTo(0, within(1e-9));
        assertThat(r.raw()).isEqualTo(2 * profile.falseNegative());
    }

    @Test
    void shouldRewardEarlyDetectionMoreThanLateWhenBothHitTheWindow() {
        double early = EarlyDetectionScore.score(WINDOWS, flags(210, 605), CostProfile.STANDARD).normalized();
        double late = EarlyDetectionScore.score(WINDOWS, flags(290, 645), CostProfile.STANDARD).normalized();

        assertThat(early).isGreaterThan(late);
        assertThat(late).isGreaterThan(50).as("a late hit still beats a miss");
    }

    @Test
    void shouldCountOnlyFirstDetectionWhenWindowHasSeveral() {
        double once = EarlyDetectionScore.score(WINDOWS, flags(200, 600), CostProfile.STANDARD).raw();
        double many = EarlyDetectionScore.score(WINDOWS, flags(200, 201, 250, 600, 640), CostProfile.STANDARD).raw();

        assertThat(many).isEqualTo(once);
    }

    @Test
    void shouldPenalizeFalsePositivesMoreWhenFarFromWindowOrUnderLowFpProfile() {
        // Given a perfect detector plus one extra detection
        double perfect = EarlyDetectionScore.score(WINDOWS, flags(200, 600), CostProfile.STANDARD).raw();
        double beforeAll = EarlyDetectionScore.score(WINDOWS, flags(50, 200, 600), CostProfile.STANDARD).raw();
        double justAfter = EarlyDetectionScore.score(WINDOWS, flags(200, 301, 600), CostProfile.STANDARD).raw();
        double farAfter = EarlyDetectionScore.score(WINDOWS, flags(200, 550, 600), CostProfile.STANDARD).raw();
        double lowFp = EarlyDetectionScore.score(WINDOWS, flags(50, 200, 600), CostProfile.REWARD_LOW_FP).raw();

        // Then before any window it costs the full A_FP, far after a window nearly so, just after it little
        assertThat(perfect - beforeAll).isCloseTo(0.11, within(1e-12));
        assertThat(perfect - farAfter).isCloseTo(0.11, within(0.001));
        assertThat(perfect - justAfter).isBetween(0.0, 0.02);
        assertThat(2 - lowFp).isCloseTo(0.22, within(1e-12));
    }

    @Test
    void shouldWeighMissesByProfileWhenWindowIsMissed() {
        boolean[] d = flags(200);

        assertThat(EarlyDetectionScore.score(WINDOWS, d, CostProfile.STANDARD).normalized()).isCloseTo(50, within(1e-9));
        assertThat(EarlyDetectionScore.score(WINDOWS, d, CostProfile.REWARD_LOW_FN).raw()).isCloseTo(1 - 2, within(1e-12));
    }

    @Test
    void shouldBuildMergedWidenedWindowsWhenReadingLabelColumn() {
        boolean[] labels = new boolean[100];
        for (int i : new int[] {10, 11, 12, 20, 21, 60, 99}) {
            labels[i] = true;
        }

        assertThat(AnomalyWindow.fromLabels(labels, 0, 0)).containsExactly(new AnomalyWindow(10, 12),
                new AnomalyWindow(20, 21), new AnomalyWindow(60, 60), new AnomalyWindow(99, 99));
        assertThat(AnomalyWindow.fromLabels(labels, 5, 3)).containsExactly(new AnomalyWindow(5, 24),
                new AnomalyWindow(55, 63), new AnomalyWindow(94, 99));
    }

    @Test
    void shouldCombineSeriesBySummingRawScoresWhenAggregating() {
        EarlyDetectionResult a = EarlyDetectionScore.score(WINDOWS, flags(200, 600), CostProfile.STANDARD);
        EarlyDetectionResult b = EarlyDetectionScore.score(WINDOWS, new boolean[N], CostProfile.STANDARD);

        EarlyDetectionResult both = EarlyDetectionResult.combine(List.of(a, b));

        assertThat(both.normalized()).isCloseTo(50, within(1e-9));
        assertThat(both.windows()).isEqualTo(4);
    }

    @Test
    void shouldRejectWindowsWhenTheyExceedTheSeries() {
        assertThatThrownBy(() -> EarlyDetectionScore.score(WINDOWS, new boolean[300], CostProfile.STANDARD))
                .hasMessageContaining("anomaly window 1 ends at row 649, beyond the 300 detections");
    }

    private static boolean[] flags(int... rows) {
        boolean[] d = new boolean[N];
        for (int r : rows) {
            d[r] = true;
        }
        return d;
    }
}
