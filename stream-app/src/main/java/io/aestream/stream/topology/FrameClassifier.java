package io.aestream.stream.topology;

import io.aestream.scoring.Classifier;

import java.util.ArrayList;
import java.util.List;

/**
 * The classification step on scored frames: each flagged frame gets the anomaly type the classifier bundle names for
 * its raw frame (the same {@link Classifier} path the offline CLI runs); unflagged frames pass through as they are.
 * One instance per stream task (the classifier is not thread-safe).
 */
final class FrameClassifier {
    private final Classifier classifier;

    FrameClassifier(Classifier classifier) {
        this.classifier = classifier;
    }

    Frames classify(Frames frames) {
        List<ScoredFrame> scored = frames.scored();
        List<ScoredFrame> out = null;
        for (int i = 0; i < scored.size(); i++) {
            ScoredFrame f = scored.get(i);
            if (f.anomaly()) {
                if (out == null) {
                    out = new ArrayList<>(scored.subList(0, i));
                }
                out.add(f.classified(classifier.classify(f.frame())));
            } else if (out != null) {
                out.add(f);
            }
        }
        // most records complete no flagged frame: they pass through without a copy
        return out == null ? frames : new Frames(out, frames.denoisedAudio());
    }
}
