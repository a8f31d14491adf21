package io.aestream.bundle;

import io.aestream.frame.VectorFrameSpec;
import io.aestream.scoring.Activation;
import io.aestream.scoring.DenseNetwork;
import io.aestream.scoring.Distribution;
import io.aestream.scoring.FrameScore;
import io.aestream.scoring.Normalizer;
import io.aestream.scoring.Threshold;
import io.aestream.testing.Networks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BundleIOTest {
    @TempDir
    Path tmp;

    private static Manifest manifest(int n) {
        List<String> cols = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            cols.add("s" + i);
        }
        double[] mean = new double[n];
        double[] std = new double[n];
        java.util.Arrays.fill(std, 2);
        return new Manifest(Manifest.FORMAT_VERSION, "undercomplete-test-1", Instant.parse("2026-11-29T12:00:00Z"),
                new ModelInfo("undercomplete", Distribution.GAUSSIAN, false, Map.of("encoder", List.of(3))),
                new VectorFrameSpec(cols), null, new Normalizer.Standardize(mean, std),
                new Threshold(0.5, "quantile", Map.of("q", 0.995)), Map.of("validationLoss", 0.1), 42L, "abc",
                Map.of("java", "17"), null);
    }

    private Path writeBundle() throws IOException {
        DenseNetwork net = Networks.random(6, 4, 2, Activation.TANH, Activation.IDENTITY, 3);
        Path dir = tmp.resolve("bundle");
        BundleIO.write(dir, manifest(6), net, Map.of("model.native", "native-bytes".getBytes(StandardCharsets.UTF_8)));
        return dir;
    }

    @Test
    void shouldRoundTripDirectoryAndZipWithIdenticalReconstructions() throws IOException {
        Path dir = writeBundle();
        Path zip = tmp.resolve("bundle.zip");
        BundleIO.zip(dir, zip);
        ModelBundle fromDir = BundleIO.read(dir);
        ModelBundle fromZip = BundleIO.read(zip);
        assertThat(fromDir.manifest()).isEqualTo(fromZip.manifest());
        assertThat(fromDir.manifest().files()).containsOnlyKeys("network.json", "model.native");
        assertThat(fromDir.manifest().threshold().method()).isEqualTo("quantile");
        double[] x = {1, -2, 0.5, 3, 0, -1};
        FrameScore a = fromDir.newScorer().score(x);
        FrameScore b = fromZip.newScorer().score(x);
        assertThat(a.reconstruction()).containsExactly(b.reconstruction());
        assertThat(new String(BundleIO.readFile(zip, "model.native"), StandardCharsets.UTF_8)).isEqualTo("native-bytes");
    }

    @Test
    void shouldGiveTheBundleDirectoryTheSamePermissionsAsAnyNewDirectory() throws IOException {
        Path dir = writeBundle();
        Path plain = Files.createDirectory(tmp.resolve("plain"));
        assertThat(Files.getPosixFilePermissions(dir)).isEqualTo(Files.getPosixFilePermissions(plain));
        assertThat(tmp.toFile().list()).containsExactlyInAnyOrder("bundle", "plain");
    }

    @Test
    void shouldRejectChecksumMismatch() throws IOException {
        Path dir = writeBundle();
        Files.writeString(dir.resolve("model.native"), "tampered");
        assertThatThrownBy(() -> BundleIO.read(dir)).isInstanceOf(BundleFormatException.class)
                .hasMessageContaining("checksum mismatch for model.native");
    }

    @Test
    void shouldRejectUnknownFormatVersion() throws IOException {
        Path dir = writeBundle();
        Path m = dir.resolve("manifest.json");
        Files.writeString(m, Files.readString(m).replace("\"formatVersion\" : 1", "\"formatVersion\" : 99"));
        assertThatThrownBy(() -> BundleIO.read(dir)).isInstanceOf(BundleFormatException.class)
                .hasMessageContaining("unknown format version 99 (this reader knows 1)");
    }

    @Test
    void shouldRejectDimensionMismatchBeforeWriting() {
        DenseNetwork wrong = Networks.identity(5);
        Path dir = tmp.resolve("never");
        assertThatThrownBy(() -> BundleIO.write(dir, manifest(6), wrong, Map.of()))
                .isInstanceOf(BundleFormatException.class)
                .hasMessage("network input: expected 6 features (frame spec vector), found 5");
        assertThat(dir).doesNotExist();
    }

    @Test
    void shouldRejectMissingListedFile() throws IOException {
        Path dir = writeBundle();
        Files.delete(dir.resolve("model.native"));
        assertThatThrownBy(() -> BundleIO.read(dir)).hasMessageContaining("file model.native listed in the manifest is missing");
    }

    @Test
    void shouldNameFieldWhenManifestIsInconsistent() {
        Manifest good = manifest(6);
        assertThatThrownBy(() -> new Manifest(1, "v", Instant.now(), good.model(), good.frameSpec(), List.of("a"),
                good.normalizer(), good.threshold(), null, 1, "x", null, null))
                .hasMessage("manifest featureNames: expected 6 names for the frame spec, found 1");
    }
}
