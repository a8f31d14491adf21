package io.aestream.trainer.eval.speech;

/**
 * Objective quality of an estimate ŝ of clean speech s (same length, time-aligned), in dB:
 * SNR = 10 log₁₀(Σs² / Σ(s − ŝ)²); segmental SNR = the mean over 256-sample segments of the per-segment SNR clipped to
 * [−10, 35] dB, segments where s is silent (40 dB below the loudest segment) left out (Quackenbush et al. 1988);
 * SI-SDR = SNR of ŝ against its projection α s, α = ⟨ŝ, s⟩ / ‖s‖² (Le Roux et al. 2019), blind to the output gain.
 */
public record SpeechMetrics(double snrDb, double segmentalSnrDb, double siSdrDb) {
    static final int SEGMENT = 256;
    private static final double TINY = 1e-20;

    public static SpeechMetrics of(double[] clean, double[] estimate) {
        if (clean.length != estimate.length || clean.length == 0) {
            throw new IllegalArgumentException("estimate: expected " + clean.length + " samples (the reference), found " + estimate.length);
        }
        return new SpeechMetrics(snr(clean, estimate), segmentalSnr(clean, estimate), siSdr(clean, estimate));
    }

    static double snr(double[] s, double[] e) {
        double sig = 0;
        double err = 0;
        for (int i = 0; i < s.length; i++) {
            sig += s[i] * s[i];
            err += (s[i] - e[i]) * (s[i] - e[i]);
        }
        return 10 * Math.log10((sig + TINY) / (err + TINY));
    }

    static double segmentalSnr(double[] s, double[] e) {
        int segments = Math.max(1, s.length / SEGMENT);
        double[] energy = new double[segments];
        double loudest = 0;
        for (int j = 0; j < segments; j++) {
            for (int i = j * SEGMENT; i < Math.min(s.length, (j + 1) * SEGMENT); i++) {
                energy[j] += s[i] * s[i];
            }
            loudest = Math.max(loudest, energy[j]);
        }
        double sum = 0;
        int used = 0;
        for (int j = 0; j < segments; j++) {
            if (energy[j] < loudest * 1e-4) {
                continue;
            }
            double err = 0;
            for (int i = j * SEGMENT; i < Math.min(s.length, (j + 1) * SEGMENT); i++) {
                err += (s[i] - e[i]) * (s[i] - e[i]);
            }
            sum += Math.max(-10, Math.min(35, 10 * Math.log10((energy[j] + TINY) / (err + TINY))));
            used++;
        }
        return used == 0 ? Double.NaN : sum / used;
    }

    static double siSdr(double[] s, double[] e) {
        double dot = 0;
        double ss = 0;
        for (int i = 0; i < s.length; i++) {
            dot += e[i] * s[i];
            ss += s[i] * s[i];
        }
        double alpha = dot / (ss + TINY);
        double target = 0;
        double noise = 0;
        for (int i = 0; i < s.length; i++) {
            double t = alpha * s[i];
            target += t * t;
            noise += (e[i] - t) * (e[i] - t);
        }
        return 10 * Math.log10((target + TINY) / (noise + TINY));
    }
}
