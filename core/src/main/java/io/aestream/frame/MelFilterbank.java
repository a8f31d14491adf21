package io.aestream.frame;

/** Triangular filters evenly spaced on the HTK mel scale from 0 Hz to Nyquist. */
final class MelFilterbank {
    private MelFilterbank() {
    }

    static double[][] create(int bands, int bins, int sampleRate) {
        double maxMel = hzToMel(sampleRate / 2.0);
        double[] edgesHz = new double[bands + 2];
        for (int i = 0; i < edgesHz.length; i++) {
            edgesHz[i] = melToHz(maxMel * i / (bands + 1));
        }
        double binHz = (sampleRate / 2.0) / (bins - 1);
        double[][] fb = new double[bands][bins];
        for (int b = 0; b < bands; b++) {
            double lo = edgesHz[b];
            double mid = edgesHz[b + 1];
            double hi = edgesHz[b + 2];
            for (int k = 0; k < bins; k++) {
                double f = k * binHz;
                if (f > lo && f < hi) {
                    fb[b][k] = f <= mid ? (f - lo) / (mid - lo) : (hi - f) / (hi - mid);
                }
            }
        }
        return fb;
    }

    private static double hzToMel(double hz) {
        return 2595.0 * Math.log10(1.0 + hz / 700.0);
    }

    private static double melToHz(double mel) {
        return 700.0 * (Math.pow(10.0, mel / 2595.0) - 1.0);
    }
}
