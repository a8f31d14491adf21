package io.aestream.trainer.eval;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EventFiguresTest {

    @Test
    void shouldCountFoundSequencesAndFlaggedRegionsTouchingNoSequence() {
        // Given three labelled sequences; flags hit the first (once) and the third, and two flagged regions lie
        // in normal rows
        boolean[] labels = RowFlags.of("0011110000000111000000111100");
        boolean[] flags = RowFlags.of("0000100011000000001100011000");
        // one region (8-9) and one (18-19) touch no sequence; the region 22-24 overlaps the third

        EventFigures e = EventFigures.of(flags, labels);

        assertThat(e.sequences()).isEqualTo(3);
        assertThat(e.found()).isEqualTo(2);
        assertThat(e.falsePositives()).isEqualTo(2);
        assertThat(e.precision()).isCloseTo(0.5, within(1e-12));
        assertThat(e.recall()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(e.f1()).isCloseTo(2 * 0.5 * (2.0 / 3) / (0.5 + 2.0 / 3), within(1e-12));
        // point-adjusted: the 8 rows of the found sequences count as hits, 4 flagged normal rows as false alarms
        double p = 8.0 / 12;
        double r = 8.0 / 11;
        assertThat(e.pointAdjustedF1()).isCloseTo(2 * p * r / (p + r), within(1e-12));
    }

    @Test
    void shouldCountARegionAdjacentToASequenceAsTouchingIt() {
        EventFigures e = EventFigures.of(RowFlags.of("00011000"), RowFlags.of("00000110"));
        assertThat(e.found()).isZero();
        assertThat(e.falsePositives()).isZero();
        assertThat(e.recall()).isZero();
    }
}
