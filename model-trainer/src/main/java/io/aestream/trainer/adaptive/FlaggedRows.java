package io.aestream.trainer.adaptive;

import io.aestream.scoring.EventDetector;
import io.aestream.trainer.data.FrameSet;
import io.aestream.trainer.data.RowRange;
import io.aestream.trainer.eval.AlertFigures;
import io.aestream.trainer.eval.BinaryMetrics;
import io.aestream.trainer.eval.Counts;
import io.aestream.trainer.eval.Evaluation;
import io.aestream.trainer.eval.EventFigures;
import io.aestream.trainer.eval.Figures;
import io.aestream.trainer.eval.FlagRule;
import io.aestream.trainer.eval.early.EarlyFigures;

import java.util.List;

/**
 * Labelled rows with a score and a flag each, as {@code evaluate} reports them: threshold-free figures come from
 * the scores, thresholded ones and the early-detection score from the flags, so an adaptive detector (whose
 * threshold moves, or which flags on its likelihood) is judged on what it actually flagged.
 */
public record FlaggedRows(double[] scores, boolean[] flags, boolean[] labels) {

    /**
     * Frame results → row scores and flags under {@code rule} (a row covered by several frames is flagged under
     * {@code ALL} only when all are), restricted to the scored rows of {@code range}. {@code scored} must be in the
     * order of {@code frames}.
     */
    public static FlaggedRows of(FrameSet frames, List<ScoredFrame> scored, boolean[] rowLabels, RowRange range, FlagRule rule) {
        if (rowLabels == null) {
            throw new IllegalArgumentException("evaluate: the input has no label column");
        }
        double[] frameScores = new double[frames.size()];
        double[] frameFlags = new double[frames.size()];
        for (int i = 0; i < frameScores.length; i++) {
            if (scored.get(i).row() != frames.lastRow()[i]) {
                throw new IllegalStateException("frame " + i + " ends at row " + frames.lastRow()[i] + ", its score at row "
                        + scored.get(i).row());
            }
            frameScores[i] = scored.get(i).score().score();
            frameFlags[i] = scored.get(i).anomaly() ? 1 : 0;
        }
        Evaluation.Rows s = Evaluation.Rows.select(rule.rowScores(frames, frameScores), rowLabels, range);
        Evaluation.Rows f = Evaluation.Rows.select(rule.rowScores(frames, frameFlags), rowLabels, range);
        boolean[] flags = new boolean[f.scores().length];
        for (int i = 0; i < flags.length; i++) {
            flags[i] = f.scores()[i] > 0.5;
        }
        return new FlaggedRows(s.scores(), flags, s.labels());
    }

    /** {@code threshold}: what to report as the threshold (NaN when it moves). */
    public Figures figures(double threshold) {
        long anomalies = 0;
        long tp = 0;
        long fp = 0;
        for (int i = 0; i < labels.length; i++) {
            anomalies += labels[i] ? 1 : 0;
            tp += flags[i] && labels[i] ? 1 : 0;
            fp += flags[i] && !labels[i] ? 1 : 0;
        }
        Counts c = new Counts(tp, fp, labels.length - anomalies - fp, anomalies - tp);
        BinaryMetrics.BestF1 best = BinaryMetrics.bestF1(scores, labels);
        return new Figures(scores.length, anomalies, BinaryMetrics.rocAuc(scores, labels), BinaryMetrics.prAuc(scores, labels),
                best.f1(), best.threshold(), threshold, c.precision(), c.recall(), c.f1(), c.far(), c.mar());
    }

    public EventFigures events() {
        return EventFigures.of(flags, labels);
    }

    /** The events the stream would emit for these flags, judged ({@link ServiceEvents}). */
    public AlertFigures serviceEvents(EventDetector detector) {
        return AlertFigures.of(flags, labels, detector);
    }

    public EarlyFigures early() {
        return EarlyFigures.of(flags, labels);
    }
}
