package io.aestream.trainer.eval.early;

import java.util.List;

/**
 * NAB-style windowed scoring of a detector's per-row flags (Lavin and Ahmad, "Evaluating Real-time Anomaly
 * Detection Algorithms — the Numenta Anomaly Benchmark", 2015):
 * <ul>
 *   <li>in a window only the first detection counts, rewarded A_TP × σ(y) / σ(−1) where y runs from −1 at the
 *       window's start to ~0 at its end and σ(y) = 2 / (1 + e^{5y}) − 1: earlier is worth more;</li>
 *   <li>a detection outside all windows costs |A_FP| × σ(y) with y its distance past the previous window's end in
 *       window widths (nearly free just after a window, the full A_FP far from it or before the first window);</li>
 *   <li>each window without a detection costs A_FN.</li>
 * </ul>
 */
public final class EarlyDetectionScore {
    private static final double MAX_TP = scaledSigmoid(-1.0);

    private EarlyDetectionScore() {
    }

    public static EarlyDetectionResult score(List<AnomalyWindow> windows, boolean[] detections, CostProfile profile) {
        for (int k = 0; k < windows.size(); k++) {
            if (windows.get(k).end() >= detections.length) {
                throw new IllegalArgumentException("anomaly window " + k + " ends at row " + windows.get(k).end()
                        + ", beyond the " + detections.length + " detections");
            }
            if (k > 0 && windows.get(k).start() <= windows.get(k - 1).end()) {
                throw new IllegalArgumentException("anomaly windows " + (k - 1) + " and " + k + " overlap or are out of order");
            }
        }
        double raw = 0;
        int detected = 0;
        int falsePositives = 0;
        int next = 0;
        AnomalyWindow previous = null;
        boolean currentDetected = false;
        for (int row = 0; row < detections.length; row++) {
            while (next < windows.size() && windows.get(next).end() < row) {
                previous = windows.get(next++);
                currentDetected = false;
            }
            AnomalyWindow current = next < windows.size() && windows.get(next).contains(row) ? windows.get(next) : null;
            if (!detections[row]) {
                continue;
            }
            if (current != null) {
                if (!currentDetected) {
                    double position = -(current.end() - row + 1.0) / current.width();
                    raw += profile.truePositive() * scaledSigmoid(position) / MAX_TP;
                    currentDetected = true;
                    detected++;
                }
            } else {
                double unweighted = previous == null ? -1.0
                        : scaledSigmoid((row - previous.end()) / (double) Math.max(1, previous.width() - 1));
                raw += -profile.falsePositive() * unweighted;
                falsePositives++;
            }
        }
        raw += profile.falseNegative() * (windows.size() - detected);
        return new EarlyDetectionResult(profile, raw, profile.falseNegative() * windows.size(),
                profile.truePositive() * windows.size(), windows.size(), detected, falsePositives);
    }

    /** NAB's scaled sigmoid, in (−1, 1): positive for y < 0 (inside a window), negative after it. */
    static double scaledSigmoid(double y) {
        return y > 3 ? -1.0 : 2 / (1 + Math.exp(5 * y)) - 1;
    }
}
