package io.aestream.trainer.eval.early;

import java.util.List;

/**
 * A windowed early-detection score, raw and normalized as in NAB: 0 for the null detector (never fires,
 * every window missed), 100 for the perfect one (fires at the start of every window and nowhere else).
 * Raw scores of several series add up (NAB sums before normalizing): see {@link #combine(List)}.
 *
 * @param raw            Σ rewards of first detections + Σ false-positive penalties + A_FN × missed windows
 * @param nullScore      the raw score of the null detector, A_FN × windows
 * @param perfectScore   the raw score of the perfect detector, A_TP × windows
 * @param windows        labelled windows
 * @param detected       windows with at least one detection
 * @param falsePositives detections outside every window
 */
public record EarlyDetectionResult(CostProfile profile, double raw, double nullScore, double perfectScore, int windows,
                                   int detected, int falsePositives) {

    /** 100 × (raw − null) / (perfect − null); NaN when there are no windows to detect. */
    public double normalized() {
        return windows == 0 ? Double.NaN : 100 * (raw - nullScore) / (perfectScore - nullScore);
    }

    public static EarlyDetectionResult combine(List<EarlyDetectionResult> results) {
        if (results.isEmpty()) {
            throw new IllegalArgumentException("early-detection results: nothing to combine");
        }
        CostProfile profile = results.get(0).profile();
        double raw = 0;
        double nul = 0;
        double perfect = 0;
        int windows = 0;
        int detected = 0;
        int fp = 0;
        for (EarlyDetectionResult r : results) {
            if (r.profile() != profile) {
                throw new IllegalArgumentException("early-detection results: mixed profiles " + profile + " and " + r.profile());
            }
            raw += r.raw();
            nul += r.nullScore();
            perfect += r.perfectScore();
            windows += r.windows();
            detected += r.detected();
            fp += r.falsePositives();
        }
        return new EarlyDetectionResult(profile, raw, nul, perfect, windows, detected, fp);
    }
}
