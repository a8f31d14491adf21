package io.aestream.trainer.adaptive;

import io.aestream.adaptive.AdaptiveConfig;
import io.aestream.adaptive.AdaptiveResult;
import io.aestream.adaptive.Backtest;
import io.aestream.bundle.ModelBundle;
import io.aestream.scoring.FrameScore;
import io.aestream.scoring.Scorer;
import io.aestream.scoring.Threshold;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One frame as scored offline, with the fields the stream app puts on its scores topic.
 *
 * @param row          the global input row that owns the frame
 * @param threshold    the score threshold in force for this frame
 * @param anomaly      the frame's flag (fixed: score above the bundle's threshold; adaptive: per the config's flag rule)
 * @param likelihood   the anomaly likelihood; null under fixed scoring
 * @param modelVersion the bundle's version, with {@code +ft<k>} after k accepted fine-tunes
 */
public record ScoredFrame(int row, FrameScore score, double threshold, boolean anomaly, Double likelihood, String modelVersion) {

    /** Adaptive detection with {@code config} when one is given, else the bundle's fixed scoring. */
    public static List<ScoredFrame> of(ModelBundle bundle, Optional<AdaptiveConfig> config, SourceFrames frames) {
        return config.isPresent() ? adaptive(bundle, config.get(), frames) : fixed(bundle, frames);
    }

    /** The bundle's fixed normalizer and threshold: {@code score} without {@code --adaptive}. */
    public static List<ScoredFrame> fixed(ModelBundle bundle, SourceFrames frames) {
        return fixed(bundle.newScorer(), bundle.manifest().threshold(), bundle.version(), frames);
    }

    /** Any fixed scorer (e.g. the PCA baseline) with its threshold. */
    public static List<ScoredFrame> fixed(Scorer scorer, Threshold t, String version, SourceFrames frames) {
        List<ScoredFrame> out = new ArrayList<>(frames.size());
        for (int i = 0; i < frames.size(); i++) {
            FrameScore s = scorer.score(frames.frames().get(i).values());
            out.add(new ScoredFrame(frames.lastRow()[i], s, t.value(), t.exceededBy(s.score()), null, version));
        }
        return out;
    }

    /** The stream's adaptive computation replayed by {@link Backtest}: deterministic, fine-tuning inline at its switch frame. */
    public static List<ScoredFrame> adaptive(ModelBundle bundle, AdaptiveConfig config, SourceFrames frames) {
        List<AdaptiveResult> results = Backtest.replay(bundle, config, frames.frames());
        List<ScoredFrame> out = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            AdaptiveResult r = results.get(i);
            out.add(new ScoredFrame(frames.lastRow()[i], new FrameScore(r.score(), r.featureErrors(), r.reconstruction()),
                    r.threshold(), r.anomaly(), r.likelihood(), r.modelVersion()));
        }
        return out;
    }
}
