package io.aestream.scoring;

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
 */
public record EventState(boolean open, int aboveRun, int belowRun, long runStart, long lastAbove,
                         double peak, long peakTs, long frames) {

    public static final EventState INITIAL = new EventState(false, 0, 0, 0L, 0L, Double.NEGATIVE_INFINITY, 0L, 0L);
}
