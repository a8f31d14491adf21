package io.aestream.stream.topology;

import io.aestream.bundle.BundleIO;
import io.aestream.bundle.Manifest;
import io.aestream.bundle.ModelBundle;
import io.aestream.frame.WindowAssembler;
import io.aestream.frame.WindowFrameSpec;
import io.aestream.frame.WindowState;
import io.aestream.scoring.ColumnSpec;
import io.aestream.scoring.Distribution;
import io.aestream.scoring.FrameScore;
import io.aestream.scoring.InputColumns;
import io.aestream.scoring.Scorer;
import io.aestream.stream.TestBundles;
import io.aestream.stream.message.DenoisedMessage;
import io.aestream.stream.message.ScoreMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A bundle whose column spec makes y a Bernoulli context column: the stream scores it as the offline scorer does. */
class ColumnSpecParityTest {
    @TempDir
    Path tmp;

    @Test
    void shouldMatchOfflineScorerAndNeverNameContextColumnsWhenTheBundleHasAColumnSpec() throws IOException {
        // Given a window bundle with x monitored (Gaussian) and y context (Bernoulli, its output a logit)
        WindowFrameSpec spec = TestBundles.windowSpec();
        ModelBundle plain = TestBundles.random(tmp.resolve("plain"), spec, 13);
        Manifest m = plain.manifest().withColumns(new InputColumns(List.of(
                new ColumnSpec("x", Distribution.GAUSSIAN, true, null),
                new ColumnSpec("y", Distribution.BERNOULLI, false, null)), Map.of("z", 1.0)));
        BundleIO.write(tmp.resolve("columns"), m, plain.network(), Map.of());
        ModelBundle bundle = BundleIO.read(tmp.resolve("columns"));

        try (DriverFixture fx = new DriverFixture(bundle, tmp.resolve("s"), Map.of())) {
            // When rows stream in
            WindowTopologyTest.sendRows(fx, "k", 1, 30);
            List<ScoreMessage> scores = fx.scores();
            List<DenoisedMessage> denoised = fx.denoised();

            // Then every score and reconstruction equals the offline scorer's, and attribution names only x
            WindowAssembler assembler = new WindowAssembler(spec);
            WindowState state = WindowState.empty(spec);
            Scorer offline = bundle.newScorer();
            int n = 0;
            for (int i = 1; i <= 30; i++) {
                double[] frame = assembler.push(state, new double[] {Math.sin(i / 3.0), Math.cos(i / 5.0)});
                if (frame != null) {
                    FrameScore expected = offline.score(frame);
                    assertThat(scores.get(n).score()).isCloseTo(expected.score(), within(1e-5));
                    assertThat(denoised.get(n).values()).containsExactly(Arrays.copyOfRange(expected.reconstruction(), 6, 8),
                            within(1e-5));
                    assertThat(scores.get(n).topFeatures()).allSatisfy(f -> assertThat(f.name()).startsWith("x@"));
                    n++;
                }
            }
            assertThat(n).isEqualTo(14);
        }
    }
}
