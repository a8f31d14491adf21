package io.aestream.it;

import io.aestream.bundle.BundleIO;
import io.aestream.bundle.ClassifierInfo;
import io.aestream.bundle.Manifest;
import io.aestream.bundle.ModelBundle;
import io.aestream.bundle.ModelInfo;
import io.aestream.frame.VectorFrameSpec;
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

/**
 * A hand-set bundle, so the integration tests need no training: columns a, b, c standardized with mean (1, 2, 3)
 * and std (1, 2, 0.5), a linear autoencoder that reconstructs a and b and zeroes c. The score is
 * ((c − 3) / 0.5)² / 3, so {@link #NORMAL_C} scores below and {@link #ANOMALOUS_C} far above the 0.5 threshold.
 */
final class TestModel {
    static final double NORMAL_C = 3.1;
    static final double ANOMALOUS_C = 6;

    private TestModel() {
    }

    private static final DenseLayer ENCODE = new DenseLayer(3, 2, new double[] {1, 0, 0, 0, 1, 0}, new double[2],
            Activation.IDENTITY);

    /**
     * Writes a classifier pre-trained from the bundle in {@code parent} into {@code dir} and returns it: the same encoder
     * and a softmax head naming {@code a-high} or {@code b-high} by the normalized a and b.
     */
    static Path writeClassifier(Path dir, Path parent) throws IOException {
        ModelBundle model = BundleIO.read(parent);
        DenseLayer head = new DenseLayer(2, 2, new double[] {1, 0, 0, 1}, new double[2], Activation.SOFTMAX);
        Manifest manifest = model.manifest().withClassifier(new ClassifierInfo(List.of("a-high", "b-high"), model.version(),
                model.networkSha256()));
        BundleIO.write(dir, manifest, new DenseNetwork(List.of(ENCODE, head), 0), Map.of());
        return dir;
    }

    /** Writes the bundle into {@code dir} and returns it. */
    static Path write(Path dir) throws IOException {
        DenseLayer encode = ENCODE;
        DenseLayer decode = new DenseLayer(2, 3, new double[] {1, 0, 0, 1, 0, 0}, new double[3], Activation.IDENTITY);
        Manifest manifest = new Manifest(Manifest.FORMAT_VERSION, "it-model-1", Instant.parse("2025-01-01T00:00:00Z"),
                new ModelInfo("undercomplete", Distribution.GAUSSIAN, false, Map.of()),
                new VectorFrameSpec(List.of("a", "b", "c")), null,
                new Normalizer.Standardize(new double[] {1, 2, 3}, new double[] {1, 2, 0.5}),
                new Threshold(0.5, "fixed", Map.of()), Map.of(), 7L, "0".repeat(64), Map.of(), Map.of());
        BundleIO.write(dir, manifest, new DenseNetwork(List.of(encode, decode), 0), Map.of());
        return dir;
    }
}
