package io.aestream.trainer.bundle;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aestream.bundle.BundleIO;
import io.aestream.bundle.Json;
import io.aestream.bundle.ModelBundle;
import io.aestream.scoring.FrameScore;
import io.aestream.scoring.Scorer;
import io.aestream.trainer.Synthetic;
import io.aestream.trainer.cli.TrainerCli;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Produced the golden bundle under {@code src/test/resources/golden/} once (format version 1), with the
 * expected scores and reconstructions of a few probe frames. Kept so the procedure is on record; re-running
 * it would replace the golden files, which must only happen for a deliberate format change.
 * Run: {@code java -cp <test classpath> io.aestream.trainer.bundle.GoldenBundleGenerator model-trainer/src/test/resources/golden}
 */
public final class GoldenBundleGenerator {
    static final double[][] PROBES = {{0, 1, 1}, {0.5, 0.5, 1}, {-1, 0, -1}, {0.2, -0.9, 2.5}};

    private GoldenBundleGenerator() {
    }

    public static void main(String[] args) throws Exception {
        Path golden = Path.of(args[0]);
        Path tmp = Files.createTempDirectory("golden");
        Path csv = Synthetic.sensors(tmp, "sensors.csv", 120, 0, 0, ',', 20240101);
        int rc = new CommandLine(new TrainerCli()).execute("train", "--input", csv.toString(), "--columns", "a,b,c",
                "--kind", "undercomplete", "--encoder", "4,2", "--epochs", "5", "--seed", "1", "--quiet",
                "--out", golden.resolve("bundle").toString(), "--report", tmp.resolve("report").toString());
        if (rc != 0) {
            throw new IllegalStateException("train failed: " + rc);
        }
        ModelBundle bundle = BundleIO.read(golden.resolve("bundle"));
        Scorer scorer = bundle.newScorer();
        ObjectNode expected = Json.mapper().createObjectNode();
        expected.put("modelVersion", bundle.version());
        ArrayNode probes = expected.putArray("probes");
        for (double[] p : PROBES) {
            FrameScore s = scorer.score(p);
            ObjectNode o = probes.addObject();
            o.putPOJO("input", p);
            o.put("score", s.score());
            o.putPOJO("reconstruction", s.reconstruction());
        }
        Json.mapper().writeValue(golden.resolve("expected.json").toFile(), expected);
    }
}
