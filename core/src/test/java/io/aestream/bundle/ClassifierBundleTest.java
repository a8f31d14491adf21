package io.aestream.bundle;

import io.aestream.frame.VectorFrameSpec;
import io.aestream.scoring.Activation;
import io.aestream.scoring.Classification;
import io.aestream.scoring.DenseLayer;
import io.aestream.scoring.DenseNetwork;
import io.aestream.scoring.Distribution;
import io.aestream.scoring.Normalizer;
import io.aestream.scoring.Threshold;
import io.aestream.testing.Networks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ClassifierBundleTest {
    private static final List<String> COLUMNS = List.of("a", "b", "c", "d");
    private static final List<String> CLASSES = List.of("leak", "valve", "cavitation");

    @TempDir
    Path tmp;

    private static Manifest anomalyManifest(String version, List<String> columns) {
        return new Manifest(Manifest.FORMAT_VERSION, version, Instant.parse("2026-12-04T12:00:00Z"),
                new ModelInfo("denoising", Distribution.GAUSSIAN, false, Map.of()), new VectorFrameSpec(columns), null,
                new Normalizer.Standardize(new double[columns.size()], new double[] {1, 2, 3, 4}),
                new Threshold(0.5, "fixed", Map.of()), Map.of(), 1L, "0".repeat(64), Map.of(), Map.of());
    }

    private static ModelBundle parent(String version, long seed) {
        return new ModelBundle(anomalyManifest(version, COLUMNS),
                Networks.random(4, 3, 2, Activation.TANH, Activation.IDENTITY, seed), null);
    }

    /** The parent's encoder (its first two layers) under a softmax head, as the trainer builds it. */
    private static ModelBundle classifierOf(ModelBundle parent) {
        List<DenseLayer> layers = parent.network().layers();
        DenseLayer head = Networks.layer(2, CLASSES.size(), Activation.SOFTMAX, new Random(5));
        DenseNetwork net = new DenseNetwork(List.of(layers.get(0), layers.get(1), head), 1);
        Manifest m = anomalyManifest("classifier-1", COLUMNS).withClassifier(
                new ClassifierInfo(CLASSES, parent.version(), parent.networkSha256()));
        return new ModelBundle(m, net, null);
    }

    @Test
    void shouldRoundTripAClassifierAndGiveOneProbabilityPerClass() throws IOException {
        ModelBundle parent = parent("ae-1", 3);
        ModelBundle built = classifierOf(parent);
        Path dir = tmp.resolve("classifier");
        BundleIO.write(dir, built.manifest(), built.network(), Map.of());
        ModelBundle read = BundleIO.read(dir);

        assertThat(read.isClassifier()).isTrue();
        assertThat(read.manifest().threshold()).isNull();
        assertThat(read.manifest().classifier()).isEqualTo(built.manifest().classifier());
        Classification c = read.newClassifier().classify(new double[] {1, -2, 0.5, 3});
        assertThat(c.probabilities()).hasSize(3);
        assertThat(c.probabilities()[0] + c.probabilities()[1] + c.probabilities()[2]).isCloseTo(1.0, within(1e-12));
        assertThat(c.probability()).isEqualTo(java.util.Arrays.stream(c.probabilities()).max().orElseThrow());
        assertThat(CLASSES).contains(c.label());
        read.requireCompatibleWith(parent);
    }

    @Test
    void shouldRefuseAParentThatDiffers() {
        ModelBundle parent = parent("ae-1", 3);
        ModelBundle classifier = classifierOf(parent);

        assertThatThrownBy(() -> classifier.requireCompatibleWith(parent("ae-2", 3)))
                .isInstanceOf(BundleFormatException.class)
                .hasMessageContaining("pre-trained from model ae-1, but the anomaly model is ae-2");
        assertThatThrownBy(() -> classifier.requireCompatibleWith(parent("ae-1", 4)))
                .isInstanceOf(BundleFormatException.class)
                .hasMessageContaining("same version, different weights");
        ModelBundle otherColumns = new ModelBundle(anomalyManifest("ae-1", List.of("a", "b", "c", "x")), parent.network(), null);
        assertThatThrownBy(() -> classifier.requireCompatibleWith(otherColumns))
                .isInstanceOf(BundleFormatException.class)
                .hasMessageContaining("differ from the anomaly model");
    }

    @Test
    void shouldKeepAnomalyModelsAndClassifiersApart() {
        ModelBundle parent = parent("ae-1", 3);
        ModelBundle classifier = classifierOf(parent);

        assertThatThrownBy(classifier::newScorer).hasMessageContaining("is a classifier");
        assertThatThrownBy(parent::newClassifier).hasMessageContaining("not a classifier");
        assertThatThrownBy(() -> new ModelBundle(classifier.manifest(), parent.network(), null))
                .hasMessageContaining("expected one output per class (3");
        Manifest m = anomalyManifest("ae-1", COLUMNS);
        assertThatThrownBy(() -> new Manifest(m.formatVersion(), m.modelVersion(), m.createdAt(), m.model(), m.frameSpec(),
                null, m.normalizer(), null, null, 1L, "x", null, null))
                .hasMessageContaining("manifest threshold: required for an anomaly model");
        assertThatThrownBy(() -> new ClassifierInfo(List.of("only"), null, null))
                .hasMessageContaining("at least two are needed");
        assertThatThrownBy(() -> new ClassifierInfo(List.of("a", "a"), null, null)).hasMessageContaining("distinct");
    }
}
