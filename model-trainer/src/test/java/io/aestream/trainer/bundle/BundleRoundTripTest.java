package io.aestream.trainer.bundle;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aestream.bundle.BundleFormatException;
import io.aestream.bundle.BundleIO;
import io.aestream.bundle.Checksums;
import io.aestream.bundle.Json;
import io.aestream.bundle.ModelBundle;
import io.aestream.scoring.DenseNetwork;
import io.aestream.scoring.FrameScore;
import io.aestream.scoring.Scorer;
import io.aestream.trainer.Synthetic;
import io.aestream.trainer.data.Dataset;
import io.aestream.trainer.eval.PcaBaseline;
import picocli.CommandLine;
import io.aestream.trainer.cli.TrainerCli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** A trained bundle read back scores identically; a tampered one is rejected with a precise message. */
class BundleRoundTripTest {
    @TempDir
    static Path dir;
    static Path csv;
    static Path bundle;

    @BeforeAll
    static void train() throws IOException {
        csv = Synthetic.sensors(dir, "s.csv", 200, 0, 0, ';', 5);
        bundle = dir.resolve("m");
        int rc = new CommandLine(new TrainerCli()).execute("train", "--input", csv.toString(), "--separator", ";",
                "--columns", "a,b,c", "--kind", "contractive", "--lambda", "0.01", "--encoder", "6,2", "--epochs", "5", "--quiet",
                "--out", bundle.toString(), "--zip");
        assertThat(rc).isZero();
    }

    @Test
    void shouldReconstructIdenticallyWhenReadBackFromDirectoryAndZip() {
        // Given the bundle as written and as read back from its directory and its zip
        ModelBundle fromDir = BundleIO.read(bundle);
        ModelBundle fromZip = BundleIO.read(dir.resolve("m.zip"));
        Dataset data = Dataset.ofTables(List.of(csv), fromDir.manifest().frameSpec(), ';', null, null);
        Scorer a = fromDir.newScorer();
        Scorer b = fromZip.newScorer();

        // Then every frame's reconstruction and score agree within 1e-6
        for (double[] frame : data.frames().frames()) {
            FrameScore x = a.score(frame);
            FrameScore y = b.score(frame);
            assertThat(y.reconstruction()).containsExactly(x.reconstruction(), within(1e-6));
            assertThat(y.score()).isCloseTo(x.score(), within(1e-6));
        }
        assertThat(fromZip.network()).isEqualTo(fromDir.network());
        assertThat(PcaBaseline.read(bundle).network().codeSize()).isEqualTo(2);
    }

    private Path copy() throws IOException {
        Path c = Files.createTempDirectory(dir, "copy");
        try (Stream<Path> s = Files.list(bundle)) {
            for (Path p : s.toList()) {
                Files.copy(p, c.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return c;
    }

    @Test
    void shouldRejectAnUnknownFormatVersion() throws IOException {
        Path c = copy();
        ObjectNode m = (ObjectNode) Json.mapper().readTree(c.resolve("manifest.json").toFile());
        m.put("formatVersion", 99);
        Json.mapper().writeValue(c.resolve("manifest.json").toFile(), m);

        assertThatThrownBy(() -> BundleIO.read(c)).isInstanceOf(BundleFormatException.class)
                .hasMessage("bundle " + c + ": unknown format version 99 (this reader knows 1)");
    }

    @Test
    void shouldRejectAChecksumMismatch() throws IOException {
        Path c = copy();
        String json = Files.readString(c.resolve("network.json"));
        Files.writeString(c.resolve("network.json"), json.replaceFirst("\"codeLayer\" : 1", "\"codeLayer\" : 0"));

        assertThatThrownBy(() -> BundleIO.read(c)).hasMessageStartingWith("bundle " + c + ": checksum mismatch for network.json: manifest says ");
    }

    @Test
    void shouldRejectANetworkWhoseInputDoesNotMatchTheFrameSpec() throws IOException {
        // Given a network for 2 inputs behind a frame spec of 3 columns, with a correct checksum
        Path c = copy();
        DenseNetwork small = PcaBaseline.fit(new double[][] {{0, 1}, {1, 0}, {2, 2}}, 1);
        byte[] bytes = Json.mapper().writeValueAsBytes(small);
        Files.write(c.resolve("network.json"), bytes);
        ObjectNode m = (ObjectNode) Json.mapper().readTree(c.resolve("manifest.json").toFile());
        ((ObjectNode) m.get("files")).put("network.json", Checksums.sha256(bytes));
        Json.mapper().writeValue(c.resolve("manifest.json").toFile(), m);

        assertThatThrownBy(() -> BundleIO.read(c))
                .hasMessage("bundle " + c + ": network input: expected 3 features (frame spec vector), found 2");
    }
}
