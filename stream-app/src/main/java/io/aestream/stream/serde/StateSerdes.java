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
    /** Hysteresis only: what every state without class sums is written as, as before classes existed. */
    private static final byte EVENT_VERSION = 1;
    /** Version 1's fields, then u16 k, k × f64 class probability sums and i64 frames summed. */
    private static final byte EVENT_CLASSES_VERSION = 2;
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
        double[] sums = s.classSums();
        ByteBuffer buf = ByteBuffer.allocate(EVENT_BYTES + (sums == null ? 0 : 2 + 8 * sums.length + 8))
                .put(sums == null ? EVENT_VERSION : EVENT_CLASSES_VERSION).put((byte) (s.open() ? 1 : 0))
                .putInt(s.aboveRun()).putInt(s.belowRun()).putLong(s.runStart()).putLong(s.lastAbove())
                .putDouble(s.peak()).putLong(s.peakTs()).putLong(s.frames());
        if (sums != null) {
            buf.putShort((short) sums.length);
            for (double v : sums) {
                buf.putDouble(v);
            }
            buf.putLong(s.classified());
        }
        return buf.array();
    }

    /** Reads both versions: a store written before classes existed (or without a classifier) reads as it did. */
    static EventState eventFromBytes(byte[] bytes) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        byte version = bytes.length == 0 ? 0 : buf.get();
        if (bytes.length < EVENT_BYTES || version == EVENT_VERSION && bytes.length != EVENT_BYTES) {
            throw new IllegalArgumentException("event state: expected " + EVENT_BYTES + " bytes, found " + bytes.length);
        }
        if (version != EVENT_VERSION && version != EVENT_CLASSES_VERSION) {
            throw new IllegalArgumentException("event state: unknown version " + version);
        }
        boolean open = buf.get() == 1;
        int aboveRun = buf.getInt();
        int belowRun = buf.getInt();
        long runStart = buf.getLong();
        long lastAbove = buf.getLong();
        double peak = buf.getDouble();
        long peakTs = buf.getLong();
        long frames = buf.getLong();
        if (version == EVENT_VERSION) {
            return new EventState(open, aboveRun, belowRun, runStart, lastAbove, peak, peakTs, frames);
        }
        double[] sums = new double[Short.toUnsignedInt(buf.getShort())];
        for (int i = 0; i < sums.length; i++) {
            sums[i] = buf.getDouble();
        }
        long classified = buf.getLong();
        if (buf.hasRemaining()) {
            throw new IllegalArgumentException("event state: " + buf.remaining() + " bytes after the class sums");
        }
        return new EventState(open, aboveRun, belowRun, runStart, lastAbove, peak, peakTs, frames, sums, classified);
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
