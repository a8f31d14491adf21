package io.aestream.frame;

import java.nio.ByteBuffer;

/**
 * Per-source state of a {@link WindowAssembler}: the last {@code window} rows (a ring) and how many rows
 * were seen. Mutable; serialized to bytes for a Kafka Streams state store.
 */
public final class WindowState {
    private static final byte VERSION = 1;
    final double[] ring;
    long rowsSeen;

    WindowState(int size, long rowsSeen) {
        this.ring = new double[size];
        this.rowsSeen = rowsSeen;
    }

    public static WindowState empty(WindowFrameSpec spec) {
        return new WindowState(spec.inputSize(), 0);
    }

    public long rowsSeen() {
        return rowsSeen;
    }

    public byte[] toBytes() {
        ByteBuffer buf = ByteBuffer.allocate(1 + 8 + 4 + 8 * ring.length);
        buf.put(VERSION).putLong(rowsSeen).putInt(ring.length);
        for (double v : ring) {
            buf.putDouble(v);
        }
        return buf.array();
    }

    public static WindowState fromBytes(byte[] bytes) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        byte version = buf.get();
        if (version != VERSION) {
            throw new IllegalArgumentException("window state: unknown version " + version);
        }
        long seen = buf.getLong();
        int n = buf.getInt();
        if (n < 0 || buf.remaining() != 8L * n) {
            throw new IllegalArgumentException("window state: expected " + n + " values, found " + buf.remaining() / 8);
        }
        WindowState s = new WindowState(n, seen);
        for (int i = 0; i < n; i++) {
            s.ring[i] = buf.getDouble();
        }
        return s;
    }
}
