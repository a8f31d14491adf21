package io.aestream.frame;

/** Analysis/synthesis windows for the STFT. Periodic forms, so that overlap-add sums are constant. */
public enum WindowFunction {
    HANN, SQRT_HANN, HAMMING, RECTANGULAR;

    public double[] coefficients(int n) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            double hann = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / n);
            w[i] = switch (this) {
                case HANN -> hann;
                case SQRT_HANN -> Math.sqrt(hann);
                case HAMMING -> 0.54 - 0.46 * Math.cos(2 * Math.PI * i / n);
                case RECTANGULAR -> 1.0;
            };
        }
        return w;
    }
}
