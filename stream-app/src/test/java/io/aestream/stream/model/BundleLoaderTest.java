package io.aestream.stream.model;

import io.aestream.bundle.ModelBundle;
import io.aestream.frame.VectorFrameSpec;
import io.aestream.stream.TestBundles;
import io.aestream.stream.config.ConfigLoader;
import io.aestream.stream.config.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BundleLoaderTest {
    private static final List<String> CLASSES = List.of("valve", "leak");
    @TempDir
    Path tmp;

    @Test
    void shouldLoadTheClassifierBesideItsParent() throws IOException {
        ModelBundle model = TestBundles.vector(tmp.resolve("model"));
        ModelBundle classifier = TestBundles.classifier(tmp.resolve("classifier"), model, CLASSES, new double[4]);
        ModelHolder models = load(model.location(), classifier.location());
        assertThat(models.require().version()).isEqualTo(model.version());
        assertThat(models.classifier().manifest().classifier().classes()).isEqualTo(CLASSES);
        assertThat(load(model.location(), null).classifier()).isNull();
    }

    @Test
    void shouldRefuseAClassifierWhoseParentHasOtherWeights() throws IOException {
        // Given a classifier pre-trained from a model with the same version and frames but other weights
        ModelBundle parent = TestBundles.random(tmp.resolve("parent"), new VectorFrameSpec(List.of("a", "b", "c")), 1);
        ModelBundle other = TestBundles.random(tmp.resolve("other"), new VectorFrameSpec(List.of("a", "b", "c")), 2);
        ModelBundle classifier = TestBundles.classifier(tmp.resolve("classifier"), parent, CLASSES, new double[4]);
        // When it is configured beside the other model, then the start fails naming the setting and the checksums
        assertThatThrownBy(() -> load(other.location(), classifier.location()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(Settings.CLASSIFIER_PATH + ": classifier test-classifier-1: its parent test-model-1 had"
                        + " network checksum " + parent.networkSha256())
                .hasMessageContaining(other.networkSha256()).hasMessageContaining("same version, different weights");
    }

    @Test
    void shouldRefuseBundlesOfTheWrongKindOrLayout() throws IOException {
        ModelBundle model = TestBundles.vector(tmp.resolve("model"));
        ModelBundle classifier = TestBundles.classifier(tmp.resolve("classifier"), model, CLASSES, new double[4]);
        ModelBundle window = TestBundles.random(tmp.resolve("window"), TestBundles.windowSpec(), 1);
        assertThatThrownBy(() -> load(model.location(), model.location())).hasMessageStartingWith(Settings.CLASSIFIER_PATH
                + ": bundle test-model-1 is an anomaly model, not a classifier");
        assertThatThrownBy(() -> load(classifier.location(), null)).hasMessageStartingWith(Settings.MODEL_PATH
                + ": bundle test-classifier-1 is a classifier");
        assertThatThrownBy(() -> load(window.location(), classifier.location())).hasMessageStartingWith(Settings.CLASSIFIER_PATH
                + ": classifier test-classifier-1: its frames (vector, [a, b, c]) differ from the anomaly model test-model-1's");
        assertThatThrownBy(() -> load(model.location(), tmp.resolve("missing"))).hasMessageStartingWith(Settings.CLASSIFIER_PATH
                + ": ");
    }

    private static ModelHolder load(Path model, Path classifier) {
        Map<String, String> env = classifier == null ? Map.of(Settings.MODEL_PATH, model.toString())
                : Map.of(Settings.MODEL_PATH, model.toString(), Settings.CLASSIFIER_PATH, classifier.toString());
        return BundleLoader.load(ConfigLoader.load(env, Map.of()));
    }
}
