package io.aestream.trainer.eval.early;

import java.util.Arrays;

/**
 * A detector's per-row flags scored against labelled anomaly windows (each run of labelled rows is one window)
 * under the three {@link CostProfile}s, normalized to 0 = never fires, 100 = fires at the start of every window
 * and nowhere else; with the counts behind them.
 *
 * @param standard       normalized score, {@link CostProfile#STANDARD}
 * @param lowFp          normalized score, {@link CostProfile#REWARD_LOW_FP}
 * @param lowFn          normalized score, {@link CostProfile#REWARD_LOW_FN}
 * @param windows        labelled windows
 * @param detected       windows with a detection
 * @param falsePositives flagged rows outside every window
 */
public record EarlyFigures(double standard, double lowFp, double lowFn, int windows, int detected, int falsePositives) {

    public static EarlyFigures of(boolean[] flags, boolean[] labels) {
        if (flags.length != labels.length) {
            throw new IllegalArgumentException("early-detection figures: " + flags.length + " flags for " + labels.length + " labels");
        }
        var windows = AnomalyWindow.fromLabels(labels, 0, 0);
        EarlyDetectionResult[] r = Arrays.stream(CostProfile.values())
                .map(p -> EarlyDetectionScore.score(windows, flags, p)).toArray(EarlyDetectionResult[]::new);
        return new EarlyFigures(r[0].normalized(), r[1].normalized(), r[2].normalized(), r[0].windows(), r[0].detected(),
                r[0].falsePositives());
    }
}
