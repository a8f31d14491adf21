package io.aestream.scoring;

import java.util.Arrays;
import java.util.Objects;

/**
 * An anomaly event: emitted once when it opens ({@code phase = OPENED}, no end yet) and once when it
 * closes ({@code phase = CLOSED}, with end and duration).
 *
 * @param start              timestamp (ms) of the first flagged frame
 * @param end                timestamp (ms) of the last flagged frame, or -1 while open
 * @param peak               highest score in the event so far
 * @param peakTs             when the peak occurred
 * @param frames             flagged-or-not frames between start and the last frame seen
 * @param classProbabilities with a classifier: the mean class probabilities of the event's flagged frames so far
 *                           (classifier order); null without one
 */
public record AnomalyEvent(Phase phase, long start, long end, double peak, long peakTs, long frames,
                           double[] classProbabilities) {
    public enum Phase { OPENED, CLOSED }

    /** Without class probabilities (no classifier). */
    public AnomalyEvent(Phase phase, long start, long end, double peak, long peakTs, long frames) {
        this(phase, start, end, peak, peakTs, frames, null);
    }

    public long durationMs() {
        return end < 0 ? -1 : end - start;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AnomalyEvent e && phase == e.phase && start == e.start && end == e.end
                && Double.compare(peak, e.peak) == 0 && peakTs == e.peakTs && frames == e.frames
                && Arrays.equals(classProbabilities, e.classProbabilities);
    }

    @Override
    public int hashCode() {
        return Objects.hash(phase, start, end, peak, peakTs, frames, Arrays.hashCode(classProbabilities));
    }

    @Override
    public String toString() {
        return "AnomalyEvent[phase=" + phase + ", start=" + start + ", end=" + end + ", peak=" + peak + ", peakTs=" + peakTs
                + ", frames=" + frames + ", classProbabilities=" + Arrays.toString(classProbabilities) + "]";
    }
}
