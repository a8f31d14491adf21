package io.aestream.enhance;

/**
 * The Wiener filter G = ξ / (1 + ξ) with the decision-directed a-priori SNR of Ephraim and Malah (1984):
 * ξ = a · |Ŝ_prev|² / λ + (1 − a) · max(γ − 1, 0), γ = |X|² / λ, floored at ξ_min, with the noise power λ from
 * {@link MinimumStatistics}. a = 0.98 and ξ_min = −25 dB are the published defaults.
 */
public final class WienerFilter implements SpectralGain {
    static final double SMOOTHING = 0.98;
    static final double XI_MIN = Math.pow(10, -25 / 10.0);

    private final MinimumStatistics noise;
    private final double[] power;
    private final double[] lambda;
    private final double[] previousClean;
    private boolean started;

    public WienerFilter(int bins, double hopSeconds) {
        this.noise = new MinimumStatistics(bins, hopSeconds);
        this.power = new double[bins];
        this.lambda = new double[bins];
        this.previousClean = new double[bins];
    }

    @Override
    public void gains(double[] magnitude, double[] gains) {
        for (int k = 0; k < power.length; k++) {
            power[k] = magnitude[k] * magnitude[k];
        }
        noise.update(power, lambda);
        for (int k = 0; k < power.length; k++) {
            double l = Math.max(lambda[k], Double.MIN_NORMAL);
            double gamma = power[k] / l;
            double ml = Math.max(gamma - 1, 0);
            double xi = started ? SMOOTHING * previousClean[k] / l + (1 - SMOOTHING) * ml : ml;
            xi = Math.max(xi, XI_MIN);
            double g = xi / (1 + xi);
            gains[k] = g;
            previousClean[k] = g * g * power[k];
        }
        started = true;
    }
}
