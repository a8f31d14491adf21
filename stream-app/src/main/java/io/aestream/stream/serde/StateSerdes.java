package io.aestream.stream.serde;

import io.aestream.frame.AudioState;
import io.aestream.frame.WindowState;
import io.aestream.scoring.EventState;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.function.Function;

/**
 * Serdes of the per-key state kept in state stores (and their changelogs): window rings, audio STFT/overlap-add
 * buffers and hysteresis state. Null maps to null; corrupt bytes raise a {@link SerializationException}.
 */
public final class StateSerdes {
    private static final byte EVENT_VERSION = 1;
    private static final int EVENT_BYTES = 1 + 1 + 4 + 4 + 8 + 8 + 8 + 8 + 8;

    private StateSerdes() {
    }

    public static Serde<WindowState> window() {
        return of("window state", WindowState::toBytes, WindowState::fromBytes);
    }

    public static Serde<AudioState> audio() {
        return of("audio state", AudioState::toBytes, AudioState::fromBytes);
    }

    public static Serde<EventState> event() {
        return of("event state", StateSerdes::eventBytes, StateSerdes::eventFromBytes);
    }

    static byte[] eventBytes(EventState s) {
        return ByteBuffer.allocate(EVENT_BYTES).put(EVENT_VERSION).put((byte) (s.open() ? 1 : 0))
                .putInt(s.aboveRun()).putInt(s.belowRun()).putLong(s.runStart()).putLong(s.lastAbove())
                .putDouble(s.peak()).putLong(s.peakTs()).putLong(s.frames()).array();
    }

    static EventState eventFromBytes(byte[] bytes) {
        if (bytes.length != EVENT_BYTES) {
            throw new IllegalArgumentException("event state: expected " + EVENT_BYTES + " bytes, found " + bytes.length);
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        byte version = buf.get();
        if (version != EVENT_VERSION) {
            throw new IllegalArgumentException("event state: unknown version " + version);
        }
        return new EventState(buf.get() == 1, buf.getInt(), buf.getInt(), buf.getLong(), buf.getLong(), buf.getDouble(),
                buf.getLong(), buf.getLong());
    }

    private static <T> Serde<T> of(String what, Function<T, byte[]> write, Function<byte[], T> read) {
        Serializer<T> serializer = (topic, value) -> value == null ? null : write.apply(value);
        Deserializer<T> deserializer = (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return read.apply(bytes);
            } catch (IllegalArgumentException | BufferUnderflowException e) {
                throw new SerializationException("corrupt " + what + " in " + topic + ": " + e.getMessage(), e);
            }
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
