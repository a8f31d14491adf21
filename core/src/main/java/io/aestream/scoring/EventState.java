package io.aestream.scoring;

import java.util.Arrays;
import java.util.Objects;

/**
 * Per-source hysteresis state between frames (kept in a state store by the stream app).
 *
 * @param open        whether an anomaly event is open
 * @param aboveRun    consecutive flagged frames so far (while closed)
 * @param belowRun    consecutive unflagged frames so far (while open)
 * @param runStart    timestamp of the first frame of the current flagged run (ms), or of the open event
 * @param lastAbove   timestamp of the last flagged frame (ms): the end of an event that then closes
 * @param peak        highest score seen in the run or event
 * @param peakTs      timestamp of that score
 * @param frames      frames in the open event so far
 * @param classSums   with a classifier: the sum of the class probabilities of the run's or event's flagged frames
 *                    (classifier order), whose mean names the event's class; null without a classifier
 * @param classified  how many frames {@code classSums} sums (0 without a classifier)
 */
public record EventState(boolean open, int aboveRun, int belowRun, long runStart, long lastAbove,
                         double peak, long peakTs, long frames, double[] classSums, long classified) {

    public static final EventState INITIAL = new EventState(false, 0, 0, 0L, 0L, Double.NEGATIVE_INFINITY, 0L, 0L);

    public EventState {
        if ((classSums == null) != (classified == 0)) {
            throw new IllegalArgumentException("event state: class sums and their frame count go together, got "
                    + Arrays.toString(classSums) + " over " + classified + " frames");
        }
    }

    /** Without class probabilities (no classifier). */
    public EventState(boolean open, int aboveRun, int belowRun, long runStart, long lastAbove, double peak, long peakTs,
                      long frames) {
        this(open, aboveRun, belowRun, runStart, lastAbove, peak, peakTs, frames, null, 0);
    }

    /** This state without class sums: what a state summed by another classifier (or none now) continues as. */
    public EventState withoutClassSums() {
        return classSums == null ? this : new EventState(open, aboveRun, belowRun, runStart, lastAbove, peak, peakTs, frames);
    }

    /** The mean class probabilities of the flagged frames so far; null when none was classified. */
    public double[] meanClassProbabilities() {
        if (classSums == null) {
            return null;
        }
        double[] mean = new double[classSums.length];
        for (int i = 0; i < mean.length; i++) {
            mean[i] = classSums[i] / classified;
        }
        return mean;
    }

    // by value: the stream app writes a key's state only when it changed
    @Override
    public boolean equals(Object o) {
        return o instanceof EventState s && open == s.open && aboveRun == s.aboveRun && belowRun == s.belowRun
                && runStart == s.runStart && lastAbove == s.lastAbove && Double.compare(peak, s.peak) == 0 && peakTs == s.peakTs
                && frames == s.frames && Arrays.equals(classSums, s.classSums) && classified == s.classified;
    }

    @Override
    public int hashCode() {
        return Objects.hash(open, aboveRun, belowRun, runStart, lastAbove, peak, peakTs, frames, Arrays.hashCode(classSums),
                classified);
    }

    @Override
    public String toString() {
        return "EventState[open=" + open + ", aboveRun=" + aboveRun + ", belowRun=" + belowRun + ", runStart=" + runStart
                + ", lastAbove=" + lastAbove + ", peak=" + peak + ", peakTs=" + peakTs + ", frames=" + frames
                + ", classSums=" + Arrays.toString(classSums) + ", classified=" + classified + "]";
    }
}
