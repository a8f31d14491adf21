package io.aestream.enhance;

/**
 * Power spectral subtraction with over-subtraction and a spectral floor (Berouti, Schwartz and Makhoul, 1979):
 * |Ŝ|² = max(|X|² − α λ, β |X|²), applied as the gain sqrt(|Ŝ|² / |X|²), with the noise power λ from
 * {@link MinimumStatistics}. α = 4 − 3/20 · SNR of the frame (dB), clipped to [1, 4.75] (−5 to 20 dB), as Berouti et al. recommend;
 * β = 0.01 (a −20 dB floor, the same as the gain floor 0.1 of the mask model).
 */
public final class SpectralSubtraction implements SpectralGain {
    static final double FLOOR = 0.01;

    private final MinimumStatistics noise;
    private final double[] power;
    private final double[] lambda;

    public SpectralSubtraction(int bins, double hopSeconds) {
        this.noise = new MinimumStatistics(bins, hopSeconds);
        this.power = new double[bins];
        this.lambda = new double[bins];
    }

    @Override
    public void gains(double[] magnitude, double[] gains) {
        double frame = 0;
        double noiseSum = 0;
        for (int k = 0; k < power.length; k++) {
            power[k] = magnitude[k] * magnitude[k];
            frame += power[k];
        }
        noise.update(power, lambda);
        for (double l : lambda) {
            noiseSum += l;
        }
        double snrDb = 10 * Math.log10(Math.max(frame, Double.MIN_NORMAL) / Math.max(noiseSum, Double.MIN_NORMAL));
        double alpha = overSubtraction(snrDb);
        for (int k = 0; k < power.length; k++) {
            double p = power[k];
            double clean = Math.max(p - alpha * lambda[k], FLOOR * p);
            gains[k] = p > 0 ? Math.sqrt(clean / p) : Math.sqrt(FLOOR);
        }
    }

    /** Berouti's α = 4 − 3/20 · SNR, between 4.75 (SNR ≤ −5 dB) and 1 (SNR ≥ 20 dB). */
    static double overSubtraction(double snrDb) {
        return Math.max(1, Math.min(4.75, 4 - 0.15 * snrDb));
    }
}
