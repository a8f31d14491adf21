package io.aestream.stream.serde;

import io.aestream.frame.AudioState;
import io.aestream.frame.WindowAssembler;
import io.aestream.frame.WindowState;
import io.aestream.scoring.EventState;
import io.aestream.stream.TestBundles;
import io.aestream.stream.message.ScoreMessage;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StateSerdesTest {

    @Test
    void shouldRoundTripEventStateWhenOpenOrInitial() {
        Serde<EventState> serde = StateSerdes.event();
        EventState open = new EventState(true, 0, 2, 1000L, 1005L, 7.5, 1003L, 9L);
        for (EventState s : List.of(open, EventState.INITIAL)) {
            assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", s))).isEqualTo(s);
        }
    }

    @Test
    void shouldRoundTripWindowAndAudioStateWhenPartlyFilled() {
        var spec = TestBundles.windowSpec();
        WindowState window = WindowState.empty(spec);
        new WindowAssembler(spec).push(window, new double[] {1.5, -2});
        byte[] wBytes = StateSerdes.window().serializer().serialize("t", window);
        assertThat(StateSerdes.window().deserializer().deserialize("t", wBytes).toBytes()).isEqualTo(window.toBytes());
        AudioState audio = AudioState.start(TestBundles.audioSpec());
        byte[] aBytes = StateSerdes.audio().serializer().serialize("t", audio);
        assertThat(StateSerdes.audio().deserializer().deserialize("t", aBytes).toBytes()).isEqualTo(audio.toBytes());
    }

    @Test
    void shouldRoundTripClassSumsAndKeepTheOldLayoutWithoutThem() {
        EventState classified = new EventState(true, 0, 1, 1000L, 1005L, 7.5, 1003L, 9L, new double[] {1.5, 0.25, 0.25}, 2);
        byte[] bytes = StateSerdes.event().serializer().serialize("t", classified);
        assertThat(bytes).hasSize(50 + 2 + 3 * 8 + 8);
        assertThat(StateSerdes.event().deserializer().deserialize("t", bytes)).isEqualTo(classified);
        // a state without sums is written in the layout stores held before classes existed, byte for byte
        EventState plain = new EventState(true, 0, 1, 1000L, 1005L, 7.5, 1003L, 9L);
        byte[] old = java.nio.ByteBuffer.allocate(50).put((byte) 1).put((byte) 1).putInt(0).putInt(1).putLong(1000L)
                .putLong(1005L).putDouble(7.5).putLong(1003L).putLong(9L).array();
        assertThat(StateSerdes.event().serializer().serialize("t", plain)).isEqualTo(old);
        assertThat(StateSerdes.event().deserializer().deserialize("t", old)).isEqualTo(plain);
    }

    @Test
    void shouldMapNullToNullWhenValueIsAbsent() {
        assertThat(StateSerdes.event().serializer().serialize("t", null)).isNull();
        assertThat(StateSerdes.event().deserializer().deserialize("t", null)).isNull();
        assertThat(StateSerdes.window().deserializer().deserialize("t", null)).isNull();
        assertThat(StateSerdes.audio().deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void shouldRejectCorruptBytesWithSerializationException() {
        byte[] event = StateSerdes.event().serializer().serialize("t", EventState.INITIAL);
        event[0] = 9;
        assertThatThrownBy(() -> StateSerdes.event().deserializer().deserialize("store", event))
                .isInstanceOf(SerializationException.class).hasMessageContaining("event state").hasMessageContaining("version 9");
        assertThatThrownBy(() -> StateSerdes.event().deserializer().deserialize("store", new byte[3]))
                .isInstanceOf(SerializationException.class).hasMessageContaining("expected 50 bytes, found 3");
        assertThatThrownBy(() -> StateSerdes.window().deserializer().deserialize("store", new byte[] {1, 0}))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> StateSerdes.audio().deserializer().deserialize("store", new byte[0]))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void shouldRoundTripScoreMessageWhenJson() {
        Serde<ScoreMessage> serde = JsonSerde.of(ScoreMessage.class);
        ScoreMessage m = new ScoreMessage(1, "k", 0.25, 0.97, 0.5, false, "v1+ft2", List.of(new ScoreMessage.FeatureError("a", 0.1)));
        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", m))).isEqualTo(m);
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {'{'}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("ScoreMessage");
    }
}
