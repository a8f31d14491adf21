package io.aestream.adaptive;

import io.aestream.bundle.ModelBundle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Offline replay of adaptive detection: framed inputs (key, timestamp, raw frame — window frames already assembled
 * with {@link io.aestream.frame.WindowAssembler}) → one {@link AdaptiveResult} per frame, in input order. Each key
 * starts from a fresh state and fine-tuning runs inline at its switch frame, which is exactly the computation the
 * stream app performs per key, so a backtest predicts the stream's scores, likelihoods, thresholds, flags and model
 * versions. Keys are independent: interleaving them differently changes nothing. Not thread-safe.
 */
public final class Backtest {
    private final AdaptiveDetector detector;
    private final Map<String, AdaptiveState> states = new HashMap<>();

    /** One framed input. */
    public record Frame(String key, long ts, double[] values) {
        public Frame {
            Objects.requireNonNull(key, "frame key");
            Objects.requireNonNull(values, "frame values");
        }
    }

    /** Fails, naming the field, if {@code config} does not fit {@code bundle} (e.g. an audio bundle). */
    public Backtest(ModelBundle bundle, AdaptiveConfig config) {
        this.detector = AdaptiveDetector.forBundle(bundle, config, FineTuneWorker.inline());
    }

    /** Replays {@code frames} through a fresh backtest. */
    public static List<AdaptiveResult> replay(ModelBundle bundle, AdaptiveConfig config, Iterable<Frame> frames) {
        Backtest backtest = new Backtest(bundle, config);
        List<AdaptiveResult> results = new ArrayList<>();
        for (Frame f : frames) {
            results.add(backtest.step(f.key(), f.ts(), f.values()));
        }
        return results;
    }

    /** Scores the next frame of {@code key} ({@code rawFrame} in raw units, the bundle's feature order). */
    public AdaptiveResult step(String key, long ts, double[] rawFrame) {
        return detector.step(states.computeIfAbsent(key, k -> detector.newState()), rawFrame, ts);
    }
}
