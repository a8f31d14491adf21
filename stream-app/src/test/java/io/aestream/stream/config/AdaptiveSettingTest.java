package io.aestream.stream.config;

import io.aestream.adaptive.AdaptiveConfig;
import io.aestream.adaptive.FlagRule;
import io.aestream.bundle.BundleIO;
import io.aestream.bundle.Json;
import io.aestream.bundle.Manifest;
import io.aestream.bundle.ModelBundle;
import io.aestream.bundle.ModelInfo;
import io.aestream.frame.VectorFrameSpec;
import io.aestream.scoring.Normalizer;
import io.aestream.stream.TestBundles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdaptiveSettingTest {
    private static final VectorFrameSpec SPEC = new VectorFrameSpec(List.of("a", "b", "c"));
    private static final AdaptiveConfig CARRIED = AdaptiveConfig.defaults().withFlagRule(FlagRule.ADAPTIVE_THRESHOLD);
    @TempDir
    Path tmp;

    @Test
    void shouldResolveNothingWhenOff() throws IOException {
        ModelBundle bundle = TestBundles.random(tmp.resolve("b"), SPEC, 1, Map.of("adaptive", CARRIED.toMap()));
        assertThat(AdaptiveSetting.parse("off").resolve(bundle)).isEmpty();
    }

    @Test
    void shouldUseBundleConfigWhenOnAndBundleCarriesOne() throws IOException {
        ModelBundle carrying = TestBundles.random(tmp.resolve("b1"), SPEC, 1, Map.of("adaptive", CARRIED.toMap()));
        ModelBundle plain = TestBundles.random(tmp.resolve("b2"), SPEC, 1);

        assertThat(AdaptiveSetting.parse("on").resolve(carrying)).contains(CARRIED);
        assertThat(AdaptiveSetting.parse(" on ").resolve(plain)).contains(AdaptiveConfig.defaults());
    }

    @Test
    void shouldLetFileWinOverBundleWhenPathIsGiven() throws IOException {
        ModelBundle carrying = TestBundles.random(tmp.resolve("b"), SPEC, 1, Map.of("adaptive", CARRIED.toMap()));
        Path file = tmp.resolve("adaptive.json");
        Files.writeString(file, "{\"flagRule\": \"FIXED_THRESHOLD\"}");

        assertThat(AdaptiveSetting.parse(file.toString()).resolve(carrying))
                .contains(AdaptiveConfig.defaults().withFlagRule(FlagRule.FIXED_THRESHOLD));
    }

    @Test
    void shouldNameSettingAndFieldWhenFileIsInvalid() throws IOException {
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{\"normalization\": {\"alpha\": 2, \"halfLifeFrames\": 10, \"warmupFrames\": 5}}");
        Path typo = tmp.resolve("typo.json");
        Files.writeString(typo, "{\"flagrule\": \"LIKELIHOOD\"}");

        assertThatThrownBy(() -> AdaptiveSetting.parse(bad.toString())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("AESTREAM_ADAPTIVE: " + bad).hasMessageContaining("normalization.alpha")
                .hasMessageContaining("got 2.0");
        assertThatThrownBy(() -> AdaptiveSetting.parse(typo.toString())).hasMessageContaining("flagrule");
        assertThatThrownBy(() -> AdaptiveSetting.parse("yes")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("AESTREAM_ADAPTIVE: must be off, on or a JSON file with an adaptive config, got 'yes'");
    }

    @Test
    void shouldNameSettingWhenConfigDoesNotFitBundle() throws IOException {
        ModelBundle audio = TestBundles.random(tmp.resolve("a"), TestBundles.audioSpec(), 1);
        ModelBundle malformed = TestBundles.random(tmp.resolve("m"), SPEC, 1, Map.of("adaptive", "yes"));
        ModelBundle minMax = minMax(tmp.resolve("mm"));

        assertThatThrownBy(() -> AdaptiveSetting.ON.resolve(audio)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("AESTREAM_ADAPTIVE: ").hasMessageContaining("not audio");
        assertThatThrownBy(() -> AdaptiveSetting.ON.resolve(malformed))
                .hasMessage("AESTREAM_ADAPTIVE: bundle model.hyperParameters.adaptive: expected an object, found yes");
        assertThatThrownBy(() -> AdaptiveSetting.ON.resolve(minMax))
                .hasMessageStartingWith("AESTREAM_ADAPTIVE: normalization.alpha: rolling normalization needs a standardize");
    }

    /** The test vector bundle with a min-max normalizer instead of its standardization. */
    private static ModelBundle minMax(Path dir) throws IOException {
        ModelBundle b = TestBundles.vector(dir.resolve("src"));
        Manifest m = b.manifest();
        Manifest changed = new Manifest(m.formatVersion(), m.modelVersion(), m.createdAt(),
                new ModelInfo(m.model().kind(), m.model().distribution(), false, Map.of()), m.frameSpec(), m.featureNames(),
                new Normalizer.MinMax(new double[3], new double[] {1, 1, 1}), m.threshold(), m.metrics(), m.seed(),
                m.trainingDataSha256(), m.libraryVersions(), Map.of());
        BundleIO.write(dir.resolve("out"), changed, b.network(), Map.of());
        return BundleIO.read(dir.resolve("out"));
    }

    @Test
    void shouldReadSameConfigWhenWrittenWithCoreMapper() throws IOException {
        Path file = tmp.resolve("written.json");
        Json.mapper().writeValue(file.toFile(), CARRIED);
        assertThat(AdaptiveSetting.parse(file.toString())).isEqualTo(new AdaptiveSetting.FromFile(file, CARRIED));
    }
}
