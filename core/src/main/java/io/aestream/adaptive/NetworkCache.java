package io.aestream.adaptive;

import io.aestream.scoring.DenseNetwork;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decoded fine-tuned networks by the exact bytes they were stored as, so that a stream reading a key's
 * {@link AdaptiveState} on every frame decodes its network once per revision rather than once per frame. Keyed by
 * content, a hit returns a network equal to what decoding would give: caching cannot change a result. Bounded
 * (least recently used out); not thread-safe: one per stream task.
 */
public final class NetworkCache {
    private final Map<Key, DenseNetwork> networks;

    /** @param capacity networks kept; each costs about twice its weights' size in memory */
    public NetworkCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("network cache capacity: must be >= 1, got " + capacity);
        }
        this.networks = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, DenseNetwork> eldest) {
                return size() > capacity;
            }
        };
    }

    int size() {
        return networks.size();
    }

    /** The network {@code encoded} (as written by {@link Codec#writeNetwork}) decodes to. */
    DenseNetwork network(byte[] encoded) {
        return networks.computeIfAbsent(new Key(encoded), k -> decode(k.bytes));
    }

    static DenseNetwork decode(byte[] encoded) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            DenseNetwork network = Codec.readNetwork(in);
            if (in.available() > 0) {
                throw new IllegalArgumentException("adaptive state: " + in.available() + " unexpected bytes after the network");
            }
            return network;
        } catch (EOFException e) {
            throw new IllegalArgumentException("adaptive state: truncated network (" + encoded.length + " bytes)", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Byte-array content as a map key; the hash is computed once. */
    private static final class Key {
        private final byte[] bytes;
        private final int hash;

        Key(byte[] bytes) {
            this.bytes = bytes;
            this.hash = Arrays.hashCode(bytes);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.hash == hash && Arrays.equals(k.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
