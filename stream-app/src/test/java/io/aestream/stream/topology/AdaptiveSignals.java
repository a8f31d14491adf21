package io.aestream.stream.topology;

import io.aestream.adaptive.AdaptiveConfig;
import io.aestream.adaptive.FineTuneConfig;
import io.aestream.adaptive.FineTuneSchedule;
import io.aestream.adaptive.FlagRule;
import io.aestream.adaptive.LikelihoodConfig;
import io.aestream.adaptive.NormalizationConfig;
import io.aestream.adaptive.QuantileThresholdConfig;
import io.aestream.bundle.Json;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Adaptive configs with short warm-ups and drifting synthetic signals, so a few hundred frames exercise everything. */
public final class AdaptiveSignals {
    /** Likelihood flag rule; warm-ups of 20-30 frames; no suppression, no fine-tuning. */
    public static final AdaptiveConfig QUICK = AdaptiveConfig.defaults()
            .withNormalization(new NormalizationConfig(1.0, 50, 20))
            .withLikelihood(new LikelihoodConfig(3, 100, 30, 1e-2))
            .withThreshold(new QuantileThresholdConfig(0.95, 200, 0.02, 1.0, 30))
            .withFlagRule(FlagRule.LIKELIHOOD)
            .withSuppressFrames(0)
            .withFineTuning(FineTuneSchedule.off());
    /** A job triggered every 40 frames (buffer permitting), live 5 frames later: switches before frames 44, 84, ... */
    public static final FineTuneSchedule FINE_TUNING =
            new FineTuneSchedule(40, 5, 64, 32, 0.25, 0.05, new FineTuneConfig(3, 5e-3, 16, 7));

    private AdaptiveSignals() {
    }

    public static Path write(Path file, AdaptiveConfig config) throws IOException {
        Json.mapper().writeValue(file.toFile(), config);
        return file;
    }

    /**
     * {@code n} frames of width {@code d}: seasonal, noisy, with a slow level drift, and a level shift of +4 on every
     * feature for frames {@code [shiftFrom, shiftTo)}.
     */
    public static List<double[]> frames(long seed, int n, int d, int shiftFrom, int shiftTo) {
        Random r = new Random(seed);
        List<double[]> out = new ArrayList<>(n);
        for (int t = 0; t < n; t++) {
            double[] x = new double[d];
            double shift = t >= shiftFrom && t < shiftTo ? 4 : 0;
            for (int j = 0; j < d; j++) {
                x[j] = Math.sin(t / 7.0 + j) + 0.1 * r.nextGaussian() + 0.004 * t + shift;
            }
            out.add(x);
        }
        return out;
    }

    /** The JSON input record of one frame or row; doubles as Java prints them, so they parse back exactly. */
    public static String json(long ts, double[] values) {
        return "{\"ts\": " + ts + ", \"values\": " + Arrays.toString(values) + "}";
    }
}
