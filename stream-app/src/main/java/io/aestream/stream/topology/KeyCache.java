package io.aestream.stream.topology;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A stream task's most recently used per-key states, in front of the state store that owns them: a hit saves the
 * store read and the deserialization. Writers still put every change into the store (write-through), so the store
 * and its changelog stay complete. One per processor instance; a revived task starts with an empty one.
 */
final class KeyCache<V> extends LinkedHashMap<String, V> {
    /** Keys kept per task; beyond this the least recently used key is read from the store again. */
    static final int CAPACITY = 10_000;

    KeyCache() {
        super(256, 0.75f, true);
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > CAPACITY;
    }
}
