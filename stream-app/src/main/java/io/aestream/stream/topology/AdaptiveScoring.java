package io.aestream.stream.topology;

import io.aestream.adaptive.AdaptiveDetector;
import io.aestream.adaptive.AdaptiveResult;
import io.aestream.adaptive.AdaptiveState;
import io.aestream.adaptive.NetworkCache;
import io.aestream.scoring.FrameScore;
import io.aestream.stream.metrics.StreamMetrics;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Adaptive detection per key: the key's {@link AdaptiveState} (bytes in the adaptive store) goes through
 * {@link AdaptiveDetector#step} and is written back, so a restarted or migrated task resumes exactly where the
 * changelog left it. Fine-tuned networks are decoded once per revision via a {@link NetworkCache}; a cache hit is
 * by content, so results equal a full decode on every frame (and the offline {@code Backtest}).
 */
final class AdaptiveScoring implements FrameScoring {
    /** Fine-tuned networks kept decoded per task: beyond this many keys with their own, some are decoded per frame. */
    static final int CACHED_NETWORKS = 64;

    private final AdaptiveDetector detector;
    private final KeyValueStore<String, byte[]> store;
    private final NetworkCache networks = new NetworkCache(CACHED_NETWORKS);
    private final StreamMetrics metrics;

    AdaptiveScoring(AdaptiveDetector detector, KeyValueStore<String, byte[]> store, StreamMetrics metrics) {
        this.detector = detector;
        this.store = store;
        this.metrics = metrics;
    }

    @Override
    public ScoredFrame score(String key, long ts, double[] rawFrame) {
        byte[] stored = store.get(key);
        // a state from an earlier release's layout restarts the key's warm-up rather than failing every frame
        AdaptiveState state = stored == null || !AdaptiveState.readable(stored)
                ? detector.newState() : AdaptiveState.fromBytes(stored, networks);
        long t0 = System.nanoTime();
        AdaptiveResult r = detector.step(state, rawFrame, ts);
        metrics.inference(System.nanoTime() - t0);
        store.put(key, state.toBytes());
        metrics.likelihood(r.likelihood());
        if (r.fineTune() != null) {
            metrics.fineTune(r.fineTune().accepted());
        }
        return new ScoredFrame(ts, new FrameScore(r.score(), r.featureErrors(), r.reconstruction()), r.threshold(), r.anomaly(),
                r.likelihood(), r.modelVersion(), rawFrame, null, null);
    }
}
