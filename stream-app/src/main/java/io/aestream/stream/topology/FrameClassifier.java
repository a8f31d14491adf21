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
        if (scored.stream().noneMatch(ScoredFrame::anomaly)) {
            return frames;
        }
        List<ScoredFrame> out = new ArrayList<>(scored.size());
        for (ScoredFrame f : scored) {
            out.add(f.anomaly() ? f.classified(classifier.classify(f.frame())) : f);
        }
        return new Frames(out, frames.denoisedAudio());
    }
}
