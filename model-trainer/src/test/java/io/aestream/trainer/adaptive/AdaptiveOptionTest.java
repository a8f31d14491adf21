package io.aestream.trainer.adaptive;

import io.aestream.adaptive.AdaptiveConfig;
import io.aestream.adaptive.AdaptiveConfigs;
import io.aestream.adaptive.FlagRule;
import io.aestream.adaptive.LikelihoodConfig;
import io.aestream.bundle.BundleIO;
import io.aestream.bundle.ModelBundle;
import io.aestream.frame.VectorFrameSpec;
import io.aestream.scoring.ColumnSpec;
import io.aestream.scoring.Distribution;
import io.aestream.scoring.InputColumns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdaptiveOptionTest {
    private static final VectorFrameSpec SPEC = new VectorFrameSpec(List.of("a", "b", "c"));
    @TempDir
    Path dir;

    @Test
    void shouldScoreFixedWhenOffOrAbsent() throws IOException {
        ModelBundle bundle = HandBundles.write(dir.resolve("m"), SPEC, 3, Map.of());

        assertThat(AdaptiveOption.resolve(null, bundle)).isEmpty();
        assertThat(AdaptiveOption.resolve("off", bundle)).isEmpty();
    }

    @Test
    void shouldUseTheBundlesConfigElseTheDefaultsWhenOn() throws IOException {
        // Given one bundle without and one carrying an adaptive config, as the stream app reads it
        AdaptiveConfig carried = AdaptiveConfig.defaults().withFlagRule(FlagRule.ADAPTIVE_THRESHOLD);
        ModelBundle plain = HandBundles.write(dir.resolve("plain"), SPEC, 3, Map.of());
        ModelBundle carrying = HandBundles.write(dir.resolve("carrying"), SPEC, 3, Map.of(AdaptiveConfigs.BUNDLE_KEY, carried.toMap()));

        // When / Then
        assertThat(AdaptiveOption.resolve("on", plain)).contains(AdaptiveConfig.defaults());
        assertThat(AdaptiveOption.resolve("on", carrying)).contains(carried);
    }

    @Test
    void shouldKeepTheBundlesNormalizerByDefaultWhenTheModelReadsContextColumns() throws IOException {
        // Given a bundle whose column c is context (a command the monitored values a and b follow)
        ModelBundle plain = HandBundles.write(dir.resolve("plain"), SPEC, 3, Map.of());
        InputColumns columns = new InputColumns(List.of(new ColumnSpec("a", Distribution.GAUSSIAN, true, null),
                new ColumnSpec("b", Distribution.GAUSSIAN, true, null), new ColumnSpec("c", Distribution.BERNOULLI, false, null)),
                null);
        BundleIO.write(dir.resolve("context"), plain.manifest().withColumns(columns), plain.network(), Map.of());
        ModelBundle context = BundleIO.read(dir.resolve("context"));

        // When / Then: the defaults without rolling normalization, which would undo what the model learned from c
        assertThat(AdaptiveOption.resolve("on", context)).contains(AdaptiveConfig.defaultsWithContext());
        assertThat(AdaptiveConfig.defaultsWithContext().normalization().enabled()).isFalse();
        assertThat(AdaptiveConfig.defaultsWithContext().withNormalization(AdaptiveConfig.defaults().normalization()))
                .isEqualTo(AdaptiveConfig.defaults());
        assertThat(AdaptiveOption.resolve("on", plain).orElseThrow().normalization().enabled()).isTrue();
    }

    @Test
    void shouldReadTheFileWhenValueIsAPath() throws IOException {
        ModelBundle bundle = HandBundles.write(dir.resolve("m"), SPEC, 3, Map.of());
        Path file = Files.writeString(dir.resolve("a.json"), "{\"likelihood\": {\"shortWindow\": 3, \"longWindowFrames\": 50,"
                + " \"warmupFrames\": 20, \"epsilon\": 0.01}}");

        assertThat(AdaptiveOption.resolve(file.toString(), bundle))
                .contains(AdaptiveConfig.defaults().withLikelihood(new LikelihoodConfig(3, 50, 20, 0.01)));
    }

    @Test
    void shouldNameTheOptionAndTheProblemWhenValueIsBad() throws IOException {
        ModelBundle bundle = HandBundles.write(dir.resolve("m"), SPEC, 3, Map.of());
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"likelihood\": {\"shortWindow\": 0, \"longWindowFrames\": 50,"
                + " \"warmupFrames\": 20, \"epsilon\": 0.01}}");

        assertThatThrownBy(() -> AdaptiveOption.resolve("maybe", bundle)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--adaptive: must be on, off or a JSON file").hasMessageContaining("'maybe'");
        assertThatThrownBy(() -> AdaptiveOption.resolve(bad.toString(), bundle)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--adaptive " + bad).hasMessageContaining("likelihood.shortWindow");
        ModelBundle wrong = HandBundles.write(dir.resolve("wrong"), SPEC, 3, Map.of(AdaptiveConfigs.BUNDLE_KEY, "yes"));
        assertThatThrownBy(() -> AdaptiveOption.resolve("on", wrong)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hyperParameters.adaptive: expected an object");
    }
}
