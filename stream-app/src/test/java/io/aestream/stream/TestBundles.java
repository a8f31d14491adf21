package io.aestream.stream;

import io.aestream.bundle.BundleIO;
import io.aestream.bundle.ClassifierInfo;
import io.aestream.bundle.Manifest;
import io.aestream.bundle.ModelBundle;
import io.aestream.bundle.ModelInfo;
import io.aestream.frame.AudioFeature;
import io.aestream.frame.AudioFrameSpec;
import io.aestream.frame.FrameSpec;
import io.aestream.frame.GainMask;
import io.aestream.frame.VectorFrameSpec;
import io.aestream.frame.WindowFrameSpec;
import io.aestream.frame.WindowFunction;
import io.aestream.scoring.Activation;
import io.aestream.scoring.DenseLayer;
import io.aestream.scoring.DenseNetwork;
import io.aestream.scoring.Distribution;
import io.aestream.scoring.Normalizer;
import io.aestream.scoring.Threshold;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Small bundles with hand-set or seeded weights, written to disk and read back as the app would. */
public final class TestBundles {
    public static final String VERSION = "test-model-1";

    private TestBundles() {
    }

    /**
     * Columns a, b, c standardized with mean (1, 2, 3) and std (1, 2, 0.5); a linear autoencoder that keeps the
     * first two normalized features and zeroes the third, so the score is ((c − 3) / 0.5)² / 3: 0 when c = 3,
     * above the 0.5 threshold when |c − 3| > 0.62.
     */
    public static ModelBundle vector(Path dir) throws IOException {
        DenseLayer encode = new DenseLayer(3, 2, new double[] {1, 0, 0, 0, 1, 0}, new double[2], Activation.IDENTITY);
        DenseLayer decode = new DenseLayer(2, 3, new double[] {1, 0, 0, 1, 0, 0}, new double[3], Activation.IDENTITY);
        return write(dir, new VectorFrameSpec(List.of("a", "b", "c")), new DenseNetwork(List.of(encode, decode), 0),
                new Normalizer.Standardize(new double[] {1, 2, 3}, new double[] {1, 2, 0.5}), 0.5, Map.of());
    }

    /**
     * {@link #vector}'s model over a window of {@code window} rows of a, b, c moved by one row: a linear map that
     * keeps every a and b feature and zeroes every c, so each row of the window with c = 5 adds 16 / (3 · window) to
     * the score, above the 0.5 threshold for a window of at most 10 rows.
     */
    public static ModelBundle window(Path dir, int window) throws IOException {
        int n = 3 * window;
        double[] keep = new double[n * n];
        double[] mean = new double[n];
        double[] std = new double[n];
        for (int i = 0; i < n; i++) {
            keep[i * n + i] = i % 3 == 2 ? 0 : 1;
            mean[i] = 1 + i % 3;
            std[i] = new double[] {1, 2, 0.5}[i % 3];
        }
        DenseLayer map = new DenseLayer(n, n, keep, new double[n], Activation.IDENTITY);
        return write(dir, new WindowFrameSpec(List.of("a", "b", "c"), window, 1), new DenseNetwork(List.of(map), 0),
                new Normalizer.Standardize(mean, std), 0.5, Map.of());
    }

    /**
     * A classifier pre-trained from {@code parent} (its frames, normalizer and encoder, the first layer, then a softmax
     * head with weights {@code head}, one row of encoder outputs per class), as the trainer's classifier kind writes it.
     */
    public static ModelBundle classifier(Path dir, ModelBundle parent, List<String> classes, double[] head) throws IOException {
        DenseLayer encoder = parent.network().layers().get(0);
        DenseLayer softmax = new DenseLayer(encoder.outputs(), classes.size(), head, new double[classes.size()],
                Activation.SOFTMAX);
        Manifest p = parent.manifest();
        Manifest m = new Manifest(Manifest.FORMAT_VERSION, "test-classifier-1", p.createdAt(), p.model(), p.frameSpec(),
                p.featureNames(), p.normalizer(), null, Map.of(), 7L, "0".repeat(64), Map.of(), Map.of(), p.columns(),
                new ClassifierInfo(classes, parent.version(), parent.networkSha256()));
        BundleIO.write(dir, m, new DenseNetwork(List.of(encoder, softmax), 0), Map.of());
        return BundleIO.read(dir);
    }

    /** A nonlinear (tanh) autoencoder with seeded random weights, for parity checks. */
    public static ModelBundle random(Path dir, FrameSpec spec, long seed) throws IOException {
        return random(dir, spec, seed, Map.of());
    }

    /** {@link #random(Path, FrameSpec, long)} with the given manifest {@code model.hyperParameters}. */
    public static ModelBundle random(Path dir, FrameSpec spec, long seed, Map<String, Object> hyperParameters) throws IOException {
        int n = spec.inputSize();
        Random rnd = new Random(seed);
        DenseNetwork net = new DenseNetwork(List.of(layer(rnd, n, Math.max(2, n / 2), Activation.TANH),
                layer(rnd, Math.max(2, n / 2), n, Activation.IDENTITY)), 0);
        double[] mean = new double[n];
        double[] std = new double[n];
        for (int i = 0; i < n; i++) {
            mean[i] = spec instanceof AudioFrameSpec ? -4 + rnd.nextGaussian() : rnd.nextGaussian();
            std[i] = 0.5 + rnd.nextDouble();
        }
        return write(dir, spec, net, new Normalizer.Standardize(mean, std), 1.0, hyperParameters);
    }

    /**
     * A gain-mask audio model (ReLU hidden layer, sigmoid gains) with seeded random weights, over {@link #maskSpec()}:
     * two frames of context, deltas and the noise estimate, so every part of the mask state is exercised.
     */
    public static ModelBundle mask(Path dir, long seed) throws IOException {
        AudioFrameSpec spec = maskSpec();
        int n = spec.inputSize();
        Random rnd = new Random(seed);
        DenseNetwork net = new DenseNetwork(List.of(layer(rnd, n, 12, Activation.RELU),
                layer(rnd, 12, spec.outputSize(), Activation.SIGMOID)), 0);
        double[] mean = new double[n];
        double[] std = new double[n];
        Arrays.fill(std, 0.7);
        Manifest m = new Manifest(Manifest.FORMAT_VERSION, VERSION, Instant.parse("2025-01-01T00:00:00Z"),
                new ModelInfo("denoising", Distribution.BERNOULLI, false, Map.of()), spec, null,
                new Normalizer.Standardize(mean, std), new Threshold(0.5, "fixed", Map.of()), Map.of(), 7L, "0".repeat(64),
                Map.of(), Map.of());
        BundleIO.write(dir, m, net, Map.of());
        return BundleIO.read(dir);
    }

    public static AudioFrameSpec maskSpec() {
        return audioSpec().withMask(new GainMask(2, true, true, 0.1, 0.05));
    }

    public static WindowFrameSpec windowSpec() {
        return new WindowFrameSpec(List.of("x", "y"), 4, 2);
    }

    public static AudioFrameSpec audioSpec() {
        return new AudioFrameSpec(8000, 64, 16, WindowFunction.HANN, AudioFeature.LOG_MAGNITUDE, 0);
    }

    private static DenseLayer layer(Random rnd, int in, int out, Activation act) {
        double[] w = new double[in * out];
        for (int i = 0; i < w.length; i++) {
            w[i] = rnd.nextGaussian() / Math.sqrt(in);
        }
        double[] b = new double[out];
        Arrays.setAll(b, i -> 0.1 * rnd.nextGaussian());
        return new DenseLayer(in, out, w, b, act);
    }

    private static ModelBundle write(Path dir, FrameSpec spec, DenseNetwork net, Normalizer norm, double threshold,
                                     Map<String, Object> hyperParameters) throws IOException {
        Manifest m = new Manifest(Manifest.FORMAT_VERSION, VERSION, Instant.parse("2025-01-01T00:00:00Z"),
                new ModelInfo("undercomplete", Distribution.GAUSSIAN, false, hyperParameters), spec, null, norm,
                new Threshold(threshold, "fixed", Map.of()), Map.of(), 7L, "0".repeat(64), Map.of(), Map.of());
        BundleIO.write(dir, m, net, Map.of());
        return BundleIO.read(dir);
    }
}
