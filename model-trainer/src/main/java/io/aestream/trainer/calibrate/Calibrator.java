package io.aestream.trainer.calibrate;

import io.aestream.scoring.Threshold;
import io.aestream.trainer.eval.BinaryMetrics;

import java.util.Arrays;
import java.util.Map;

/** Turns calibration scores (and, for best-F1, their labels) into a {@link Threshold} that records its method. */
public final class Calibrator {
    private Calibrator() {
    }

    /**
     * @param scores anomaly scores of the calibration frames
     * @param labels per score, true = anomalous; required for best-F1, else may be null
     */
    public static Threshold calibrate(ThresholdMethod method, double[] scores, boolean[] labels) {
        if (scores.length == 0) {
            throw new IllegalArgumentException("threshold: no calibration scores (is the validation range empty?)");
        }
        if (method instanceof ThresholdMethod.Quantile q) {
            return new Threshold(quantile(scores, q.q()), "quantile", Map.of("q", q.q()));
        }
        if (method instanceof ThresholdMethod.ScaledQuantile s) {
            return new Threshold(s.factor() * quantile(scores, s.q()), "scaled_quantile", Map.of("q", s.q(), "factor", s.factor()));
        }
        if (method instanceof ThresholdMethod.Sigma s) {
            double mean = Arrays.stream(scores).average().orElseThrow();
            double var = Arrays.stream(scores).map(v -> (v - mean) * (v - mean)).sum() / scores.length;
            return new Threshold(mean + s.k() * Math.sqrt(var), "mean_k_sigma",
                    Map.of("k", s.k(), "mean", mean, "std", Math.sqrt(var)));
        }
        if (labels == null || labels.length != scores.length) {
            throw new IllegalArgumentException("threshold best-f1: needs a label per calibration score (--label-column)");
        }
        BinaryMetrics.BestF1 best = BinaryMetrics.bestF1(scores, labels);
        return new Threshold(best.threshold(), "best_f1", Map.of("f1", best.f1()));
    }

    /** Linear-interpolated quantile (type 7, as numpy's default). */
    public static double quantile(double[] values, double q) {
        double[] s = values.clone();
        Arrays.sort(s);
        double pos = q * (s.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, s.length - 1);
        return s[lo] + (pos - lo) * (s[hi] - s[lo]);
    }
}
