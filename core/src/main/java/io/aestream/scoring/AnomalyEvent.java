package io.aestream.scoring;

/**
 * An anomaly event: emitted once when it opens ({@code phase = OPENED}, no end yet) and once when it
 * closes ({@code phase = CLOSED}, with end and duration).
 *
 * @param start    timestamp (ms) of the first flagged frame
 * @param end      timestamp (ms) of the last flagged frame, or -1 while open
 * @param peak     highest score in the event so far
 * @param peakTs   when the peak occurred
 * @param frames   flagged-or-not frames between start and the last frame seen
 */
public record AnomalyEvent(Phase phase, long start, long end, double peak, long peakTs, long frames) {
    public enum Phase { OPENED, CLOSED }

    public long durationMs() {
        return end < 0 ? -1 : end - start;
    }
}
