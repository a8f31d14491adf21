package io.aestream.trainer.calibrate;

import java.util.Locale;

/**
 * How the anomaly threshold is chosen from calibration scores (CLI {@code --threshold}):
 * {@code quantile:Q}, {@code sigma:K} (mean + Kσ), {@code best-f1} (needs labels) or
 * {@code scaled-quantile:Q:F} (F × the Q quantile, the SKAB Conv-AE rule).
 */
public sealed interface ThresholdMethod {

    record Quantile(double q) implements ThresholdMethod {
        public Quantile {
            if (!(q > 0 && q <= 1)) {
                throw new IllegalArgumentException("threshold quantile: must be in (0, 1], got " + q);
            }
        }
    }

    record Sigma(double k) implements ThresholdMethod {
        public Sigma {
            if (!Double.isFinite(k)) {
                throw new IllegalArgumentException("threshold sigma k: must be finite, got " + k);
            }
        }
    }

    record BestF1() implements ThresholdMethod { }

    record ScaledQuantile(double q, double factor) implements ThresholdMethod {
        public ScaledQuantile {
            new Quantile(q);
            if (!(factor > 0) || !Double.isFinite(factor)) {
                throw new IllegalArgumentException("threshold scale factor: must be finite and > 0, got " + factor);
            }
        }
    }

    static ThresholdMethod parse(String text) {
        String[] p = text.trim().toLowerCase(Locale.ROOT).split(":");
        try {
            return switch (p[0]) {
                case "quantile" -> new Quantile(p.length > 1 ? Double.parseDouble(p[1]) : 0.995);
                case "sigma" -> new Sigma(p.length > 1 ? Double.parseDouble(p[1]) : 3);
                case "best-f1" -> new BestF1();
                case "scaled-quantile" -> new ScaledQuantile(Double.parseDouble(p[1]), Double.parseDouble(p[2]));
                default -> throw new IllegalArgumentException("unknown method");
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("threshold: expected quantile:Q, sigma:K, best-f1 or scaled-quantile:Q:F, got '"
                    + text + "'", e);
        }
    }
}
