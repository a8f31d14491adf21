package io.aestream.trainer.eval;

import io.aestream.scoring.EventDetector;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceEventsTest {

    @Test
    void shouldMarkEachEventFromItsFirstToItsLastFlagAndDropRunsThatNeverOpenOne() {
        // a 1-row blip, a 4-row run, 3 clean rows, a 2-row run, then 6 clean rows; a run still open at the end
        boolean[] flags = RowFlags.of("01000111100011000000111");
        // open after 2, close after 4: the blip opens nothing; the two runs 3 rows apart are one event
        assertThat(RowFlags.text(ServiceEvents.rows(flags, new EventDetector(2, 4)))).isEqualTo("00000111111111000000111");
        // close after 2: they are two events; the gap between them is not marked
        assertThat(RowFlags.text(ServiceEvents.rows(flags, new EventDetector(2, 2)))).isEqualTo("00000111100011000000111");
    }

    @Test
    void shouldJudgeTheEventsAsTheUserIsAlerted() {
        // one labelled sequence; its anomaly flags a run inside it and, after a 5-row gap, a tail outside it
        boolean[] labels = RowFlags.of("000111111000000000000");
        boolean[] flags = RowFlags.of("000011100000011100000");
        assertThat(EventFigures.of(flags, labels).falsePositives()).as("raw flags: the tail is a second region").isEqualTo(1);
        EventFigures events = EventFigures.of(ServiceEvents.rows(flags, new EventDetector(3, 8)), labels);
        assertThat(events.found()).isEqualTo(1);
        assertThat(events.falsePositives()).as("one event from the first flag to the tail").isZero();
        assertThat(EventFigures.of(ServiceEvents.rows(flags, new EventDetector(3, 5)), labels).falsePositives()).isEqualTo(1);
    }

    @Test
    void shouldSayWhenEachEventOpenedAndHowLateEachSequenceWasAlerted() {
        // two labelled sequences; the first flagged from its second row, the second never; an event before both
        boolean[] labels = RowFlags.of("0000011111100000111100");
        boolean[] flags = RowFlags.of("1110001111100000000000");
        List<ServiceEvents.Event> events = ServiceEvents.events(flags, new EventDetector(3, 2));
        // open after 3: each event opens at the third row of its run
        assertThat(events).containsExactly(new ServiceEvents.Event(0, 2, 2), new ServiceEvents.Event(6, 10, 8));
        assertThat(ServiceEvents.marked(flags.length, events)).isEqualTo(ServiceEvents.rows(flags, new EventDetector(3, 2)));
        // the first sequence starts at row 5 and is alerted at row 8; the second is missed and left out
        assertThat(ServiceEvents.alertDelays(events, labels)).containsExactly(3);
        // an event already open when a sequence starts alerts it at once
        boolean[] early = RowFlags.of("0011111111100000000000");
        assertThat(ServiceEvents.alertDelays(ServiceEvents.events(early, new EventDetector(3, 2)), labels)).containsExactly(0);
    }
}
