package io.aestream.scoring;

import io.aestream.frame.AudioFrameSpec;
import io.aestream.frame.FrameSpec;
import io.aestream.frame.WindowFrameSpec;

import java.util.OptionalInt;

/**
 * Hysteresis over the per-frame anomaly flag: an event opens after {@code openAfter} consecutive flagged
 * frames and closes after {@code closeAfter} consecutive unflagged ones, so a noisy score near the threshold
 * does not produce a storm of one-frame events. With a classifier, the class probabilities of the flagged frames are
 * summed in the state, and every event carries their mean. Pure: state in, state out.
 */
public final class EventDetector {
    /** The fewest consecutive flagged frames that open an event by default (when alerts are not suppressed). */
    public static final int MIN_OPEN_AFTER = 3;
    /** The share of the frames that hold a row after which an event opens by default, if over {@link #MIN_OPEN_AFTER}. */
    public static final double OPEN_AFTER_SHARE = 0.2;
    /** The fewest consecutive unflagged frames that close an event unless configured otherwise. */
    public static final int MIN_CLOSE_AFTER = 5;
    /** How a setting leaves a count to {@link #of}'s defaults. */
    public static final String AUTO = "auto";

    private final int openAfter;
    private final int closeAfter;

    public EventDetector(int openAfter, int closeAfter) {
        if (openAfter < 1) {
            throw new IllegalArgumentException("openAfter: must be >= 1, got " + openAfter);
        }
        if (closeAfter < 1) {
            throw new IllegalArgumentException("closeAfter: must be >= 1, got " + closeAfter);
        }
        this.openAfter = openAfter;
        this.closeAfter = closeAfter;
    }

    public int openAfter() {
        return openAfter;
    }

    public int closeAfter() {
        return closeAfter;
    }

    /**
     * The default number of consecutive flagged frames that open an event on frames built by {@code spec}: 1 when the
     * detector suppresses alerts for {@code suppressFrames} > 0 frames after each flag (adaptive detection), since its
     * flags then stand alone and a run of them never forms; else {@link #OPEN_AFTER_SHARE} of the frames that hold a
     * row ({@link #defaultCloseAfter}'s window over hop), at least {@link #MIN_OPEN_AFTER}. Overlapping frames see the
     * same rows, so three of them in a row are little evidence: a disturbance in the rows stays in view for all the
     * frames that hold them, while a model's misfit on an unusual but normal window (a command switch at one position in
     * it) exceeds the threshold for a few (on the generated telemetry set, a median of 2–7 frames per model for a 30-row
     * window, against 10–67 for the runs on labelled anomalies). The on-delay therefore scales with the window as the off-delay does: 6
     * frames for a 30-row window moved by one row, 3 wherever at most 15 frames hold a row (vectors, audio at the usual
     * overlaps, windows of up to 15 rows). Measured in docs/quality.md, issue #14 round 8: fewer false events on the
     * telemetry set and on SKAB, alerts 3–10 rows later.
     */
    public static int defaultOpenAfter(FrameSpec spec, int suppressFrames) {
        return suppressFrames > 0 ? 1 : Math.max(MIN_OPEN_AFTER, (int) Math.ceil(OPEN_AFTER_SHARE * rowSharing(spec)));
    }

    /**
     * The default number of unflagged frames that close an event on frames built by {@code spec}: at least
     * {@link #MIN_CLOSE_AFTER}, and never fewer than the frames that hold a row of the last flagged frame (window over
     * hop: 30 for a 30-row window moved by one row). Those frames still see the rows that were flagged, so a flag
     * among them comes from the same rows; an event closed sooner is reopened by its own anomaly and counted twice.
     */
    public static int defaultCloseAfter(FrameSpec spec) {
        return Math.max(MIN_CLOSE_AFTER, rowSharing(spec));
    }

    /** How many consecutive frames built by {@code spec} hold a given row: window over hop, rounded up; 1 for vectors. */
    private static int rowSharing(FrameSpec spec) {
        if (spec instanceof WindowFrameSpec w) {
            return (w.window() + w.hop() - 1) / w.hop();
        }
        if (spec instanceof AudioFrameSpec a) {
            return (a.frameLength() + a.hop() - 1) / a.hop();
        }
        return 1;
    }

    /**
     * The stream's hysteresis for frames built by {@code spec} under a detector that suppresses the
     * {@code suppressFrames} frames after each flag (0: none): each count as given, or its default where empty (auto).
     * The stream, {@code evaluate} and the benchmarks all resolve it here, so offline events are the stream's.
     *
     * @throws IllegalArgumentException when {@code openAfter} asks for a run of flags that suppression never lets
     *                                  form, so no event would ever open (the message names no setting: callers do)
     */
    public static EventDetector of(FrameSpec spec, int suppressFrames, OptionalInt openAfter, OptionalInt closeAfter) {
        int open = openAfter.orElse(defaultOpenAfter(spec, suppressFrames));
        if (open > 1 && suppressFrames > 0) {
            throw new IllegalArgumentException("adaptive detection suppresses the " + suppressFrames + " frames after every"
                    + " flag, so " + open + " flagged frames in a row never occur and no event would open; use 1 or auto, got "
                    + open);
        }
        return new EventDetector(open, closeAfter.orElse(defaultCloseAfter(spec)));
    }

    /**
     * A count as a setting gives it: empty for {@value #AUTO} (the default applies), else the number; the range is the
     * caller's to check, with the setting's name.
     *
     * @throws NumberFormatException when {@code value} is neither
     */
    public static OptionalInt count(String value) {
        String v = value.trim();
        return AUTO.equals(v) ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(v));
    }

    /** The new state and the event this frame opened or closed, if any ({@code event} may be null). */
    public record Step(EventState state, AnomalyEvent event) { }

    /** A frame without class probabilities (no classifier). */
    public Step step(EventState s, long ts, double score, boolean flagged) {
        return step(s, ts, score, flagged, null);
    }

    /** @param probabilities the frame's class probabilities when it was classified (flagged frames only), else null */
    public Step step(EventState s, long ts, double score, boolean flagged, double[] probabilities) {
        if (!s.open()) {
            if (!flagged) {
                return new Step(EventState.INITIAL, null);
            }
            boolean first = s.aboveRun() == 0;
            long runStart = first ? ts : s.runStart();
            double peak = first || score > s.peak() ? score : s.peak();
            long peakTs = first || score > s.peak() ? ts : s.peakTs();
            int run = s.aboveRun() + 1;
            double[] sums = add(first ? null : s.classSums(), probabilities);
            long classified = (first ? 0 : s.classified()) + (probabilities == null ? 0 : 1);
            if (run >= openAfter) {
                EventState open = new EventState(true, 0, 0, runStart, ts, peak, peakTs, run, sums, classified);
                return new Step(open, new AnomalyEvent(AnomalyEvent.Phase.OPENED, runStart, -1, peak, peakTs, run,
                        open.meanClassProbabilities()));
            }
            return new Step(new EventState(false, run, 0, runStart, ts, peak, peakTs, 0, sums, classified), null);
        }
        long frames = s.frames() + 1;
        if (flagged) {
            boolean higher = score > s.peak();
            return new Step(new EventState(true, 0, 0, s.runStart(), ts, higher ? score : s.peak(),
                    higher ? ts : s.peakTs(), frames, add(s.classSums(), probabilities),
                    s.classified() + (probabilities == null ? 0 : 1)), null);
        }
        int below = s.belowRun() + 1;
        if (below >= closeAfter) {
            long eventFrames = frames - below;
            return new Step(EventState.INITIAL, new AnomalyEvent(AnomalyEvent.Phase.CLOSED, s.runStart(), s.lastAbove(),
                    s.peak(), s.peakTs(), eventFrames, s.meanClassProbabilities()));
        }
        return new Step(new EventState(true, 0, below, s.runStart(), s.lastAbove(), s.peak(), s.peakTs(), frames,
                s.classSums(), s.classified()), null);
    }

    /** {@code sums} + {@code probabilities} as a new array (states are values); either may be null. */
    private static double[] add(double[] sums, double[] probabilities) {
        if (probabilities == null) {
            return sums;
        }
        if (sums != null && sums.length != probabilities.length) {
            throw new IllegalArgumentException("class probabilities: expected " + sums.length + " (as summed so far), found "
                    + probabilities.length);
        }
        double[] out = probabilities.clone();
        if (sums != null) {
            for (int i = 0; i < out.length; i++) {
                out[i] += sums[i];
            }
        }
        return out;
    }
}
