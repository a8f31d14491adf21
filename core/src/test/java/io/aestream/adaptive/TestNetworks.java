package io.aestream.adaptive;

import io.aestream.bundle.Manifest;
import io.aestream.bundle.ModelBundle;
import io.aestream.bundle.ModelInfo;
import io.aestream.frame.FrameSpec;
import io.aestream.frame.VectorFrameSpec;
import io.aestream.scoring.Activation;
import io.aestream.scoring.DenseLayer;
import io.aestream.scoring.DenseNetwork;
import io.aestream.scoring.Distribution;
import io.aestream.scoring.Normalizer;
import io.aestream.scoring.Threshold;
import io.aestream.testing.Networks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Small random networks and data for the adaptive tests. */
final class TestNetworks {
    private TestNetworks() {
    }

    /** Layer widths {@code sizes[0] -> sizes[1] -> ...}, hidden activation {@code hidden}, output {@code output}. */
    static DenseNetwork random(long seed, Activation hidden, Activation output, int... sizes) {
        Random r = new Random(seed);
        List<DenseLayer> layers = new ArrayList<>();
        for (int k = 0; k + 1 < sizes.length; k++) {
            layers.add(Networks.layer(sizes[k], sizes[k + 1], k + 2 == sizes.length ? output : hidden, r));
        }
        // the code is the output of the middle layer (the narrowest in the symmetric shapes used here)
        return new DenseNetwork(layers, Math.max(0, (sizes.length - 1) / 2 - 1));
    }

    /** Frames of width d on a 2-dimensional subspace plus noise: a shape an autoencoder with code 2 can learn. */
    static double[][] lowRankFrames(long seed, int n, int d, double noise) {
        Random r = new Random(seed);
        double[][] loadings = new double[d][2];
        for (double[] row : loadings) {
            row[0] = r.nextGaussian();
            row[1] = r.nextGaussian();
        }
        double[][] x = new double[n][d];
        for (int t = 0; t < n; t++) {
            double a = r.nextGaussian();
            double b = r.nextGaussian();
            for (int j = 0; j < d; j++) {
                x[t][j] = loadings[j][0] * a + loadings[j][1] * b + noise * r.nextGaussian();
            }
        }
        return x;
    }

    /** Low-rank frames whose loadings rotate slowly and whose level creeps up, so a fine-tuned model fits recent frames better. */
    static List<double[]> driftingFrames(long seed, int n, int d) {
        Random r = new Random(seed);
        List<double[]> out = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            double a = r.nextGaussian();
            double b = r.nextGaussian();
            double angle = 0.6 * t / n;
            double[] x = new double[d];
            for (int j = 0; j < d; j++) {
                x[j] = Math.cos(angle + j) * a + Math.sin(angle * j) * b + 0.05 * r.nextGaussian() + 0.002 * t;
            }
            out.add(x);
        }
        return out;
    }

    /** An in-memory vector bundle (version 1.0.0, Gaussian) over {@code network}. */
    static ModelBundle bundle(DenseNetwork network, Normalizer normalizer, double threshold) {
        List<String> columns = new ArrayList<>();
        for (int j = 0; j < network.inputSize(); j++) {
            columns.add("f" + j);
        }
        return bundle(new VectorFrameSpec(columns), network, normalizer, threshold);
    }

    static ModelBundle bundle(FrameSpec spec, DenseNetwork network, Normalizer normalizer, double threshold) {
        Manifest manifest = new Manifest(Manifest.FORMAT_VERSION, "1.0.0", Instant.parse("2025-01-01T00:00:00Z"),
                new ModelInfo("undercomplete", Distribution.GAUSSIAN, false, Map.of()), spec, null, normalizer,
                new Threshold(threshold, "fixed", Map.of()), Map.of(), 1L, "0".repeat(64), Map.of(), Map.of());
        return new ModelBundle(manifest, network, null);
    }
}
