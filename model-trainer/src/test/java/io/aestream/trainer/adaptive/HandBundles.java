package io.aestream.trainer.adaptive;

import io.aestream.bundle.BundleIO;
import io.aestream.bundle.Manifest;
import io.aestream.bundle.ModelBundle;
import io.aestream.bundle.ModelInfo;
import io.aestream.frame.FrameSpec;
import io.aestream.scoring.Activation;
import io.aestream.scoring.DenseLayer;
import io.aestream.scoring.DenseNetwork;
import io.aestream.scoring.Distribution;
import io.aestream.scoring.Normalizer;
import io.aestream.scoring.Threshold;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Small hand-set bundles, so tests of the adaptive CLI plumbing need no training. */
final class HandBundles {
    private HandBundles() {
    }

    /** A random tanh autoencoder with a 2-unit code over {@code spec}'s inputs, carrying {@code hyperParameters}. */
    static ModelBundle write(Path dir, FrameSpec spec, int inputs, Map<String, Object> hyperParameters) throws IOException {
        Random r = new Random(3);
        DenseLayer encode = new DenseLayer(inputs, 2, gaussians(r, 2 * inputs), new double[2], Activation.TANH);
        DenseLayer decode = new DenseLayer(2, inputs, gaussians(r, 2 * inputs), new double[inputs], Activation.IDENTITY);
        double[] zeros = new double[inputs];
        double[] ones = new double[inputs];
        java.util.Arrays.fill(ones, 1);
        Manifest m = new Manifest(Manifest.FORMAT_VERSION, "hand-1", Instant.parse("2025-01-01T00:00:00Z"),
                new ModelInfo("undercomplete", Distribution.GAUSSIAN, false, hyperParameters), spec, null,
                new Normalizer.Standardize(zeros, ones), new Threshold(0.5, "fixed", Map.of()), Map.of(), 3L, "0".repeat(64),
                Map.of(), Map.of());
        BundleIO.write(dir, m, new DenseNetwork(List.of(encode, decode), 0), Map.of());
        return BundleIO.read(dir);
    }

    private static double[] gaussians(Random r, int n) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = 0.5 * r.nextGaussian();
        }
        return w;
    }
}
