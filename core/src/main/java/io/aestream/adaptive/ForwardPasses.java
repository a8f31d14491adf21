package io.aestream.adaptive;

import io.aestream.scoring.DenseNetwork;
import io.aestream.scoring.ForwardPass;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link ForwardPass} per live network, by identity, for a detector that serves many keys with their own
 * fine-tuned networks (instances shared through a {@link NetworkCache}): alternating keys then reuse their passes
 * instead of allocating new ones per frame. Bounded (least recently used out); not thread-safe.
 */
final class ForwardPasses {
    private final Map<Identity, ForwardPass> passes;

    ForwardPasses(int capacity) {
        this.passes = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Identity, ForwardPass> eldest) {
                return size() > capacity;
            }
        };
    }

    ForwardPass of(DenseNetwork network) {
        return passes.computeIfAbsent(new Identity(network), k -> new ForwardPass(network));
    }

    /** Reference equality: content equality would hash every weight on each lookup. */
    private static final class Identity {
        private final DenseNetwork network;

        Identity(DenseNetwork network) {
            this.network = network;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Identity i && i.network == network;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(network);
        }
    }
}
