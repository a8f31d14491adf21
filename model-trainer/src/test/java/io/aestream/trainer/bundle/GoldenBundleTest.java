package io.aestream.trainer.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import io.aestream.bundle.BundleIO;
import io.aestream.bundle.Json;
import io.aestream.bundle.ModelBundle;
import io.aestream.scoring.FrameScore;
import io.aestream.scoring.Scorer;
import io.aestream.trainer.eval.PcaBaseline;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A bundle written by an earlier version (format 1) must still load and score exactly as it did then. */
class GoldenBundleTest {
    @Test
    void shouldReadTheGoldenBundleAndReproduceItsStoredReconstructions() throws IOException, URISyntaxException {
        // Given the committed bundle and the values recorded when it was made
        Path golden = Path.of(getClass().getResource("/golden").toURI());
        JsonNode expected = Json.mapper().readTree(golden.resolve("expected.json").toFile());

        // When
        ModelBundle bundle = BundleIO.read(golden.resolve("bundle"));
        Scorer scorer = bundle.newScorer();

        // Then
        assertThat(bundle.version()).isEqualTo(expected.get("modelVersion").asText());
        assertThat(bundle.manifest().formatVersion()).isEqualTo(1);
        assertThat(expected.get("probes")).hasSize(GoldenBundleGenerator.PROBES.length);
        for (JsonNode probe : expected.get("probes")) {
            double[] input = Json.mapper().treeToValue(probe.get("input"), double[].class);
            double[] reconstruction = Json.mapper().treeToValue(probe.get("reconstruction"), double[].class);
            FrameScore s = scorer.score(input);
            assertThat(s.reconstruction()).containsExactly(reconstruction, within(1e-9));
            assertThat(s.score()).isCloseTo(probe.get("score").asDouble(), within(1e-9));
        }
        assertThat(PcaBaseline.read(golden.resolve("bundle")).threshold().method()).isEqualTo("quantile");
    }
}
