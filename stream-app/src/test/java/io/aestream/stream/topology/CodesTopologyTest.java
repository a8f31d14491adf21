package io.aestream.stream.topology;

import io.aestream.bundle.ModelBundle;
import io.aestream.scoring.Scorer;
import io.aestream.stream.TestBundles;
import io.aestream.stream.config.Settings;
import io.aestream.stream.message.BinaryMessages;
import io.aestream.stream.message.DenoisedMessage;
import io.aestream.stream.serde.JsonSerde;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The codes output: per scored frame the code h of the scoring pass, keyed and timestamped like the frame. */
class CodesTopologyTest {
    @TempDir
    Path tmp;

    @Test
    void shouldWriteTheCodeOfEveryWindowFrameAsTheOfflineScorerComputesIt() throws IOException {
        // Given a tanh window model (window 4, hop 2) and the codes output beside the scores
        ModelBundle bundle = TestBundles.random(tmp.resolve("b"), TestBundles.windowSpec(), 3);
        Random rnd = new Random(5);
        double[][] rows = new double[11][2];
        for (double[] r : rows) {
            r[0] = rnd.nextGaussian();
            r[1] = rnd.nextGaussian();
        }
        for (String format : List.of("json", "binary")) {
            try (DriverFixture fx = new DriverFixture(bundle, tmp.resolve("state-" + format),
                    Map.of(Settings.OUTPUTS, "scores,codes", Settings.OUTPUT_FORMAT, format))) {
                // When the rows arrive
                for (int i = 0; i < rows.length; i++) {
                    fx.sendJson("m-1", "{\"ts\": " + (100 + i) + ", \"values\": [" + rows[i][0] + ", " + rows[i][1] + "]}");
                }
                // Then frames end at rows 3, 5, 7, 9 and each code is the scorer's code of that window, same key and ts
                var records = fx.codes.readRecordsToList();
                assertThat(records).hasSize(4);
                Scorer scorer = bundle.newScorer();
                for (int j = 0; j < records.size(); j++) {
                    int last = 3 + 2 * j;
                    double[] window = new double[8];
                    for (int r = 0; r < 4; r++) {
                        System.arraycopy(rows[last - 3 + r], 0, window, 2 * r, 2);
                    }
                    scorer.score(window);
                    byte[] value = records.get(j).value();
                    DenoisedMessage code = format.equals("json")
                            ? JsonSerde.of(DenoisedMessage.class).deserializer().deserialize("codes", value)
                            : BinaryMessages.readDenoised("m-1", value);
                    assertThat(code.ts()).isEqualTo(100 + last);
                    assertThat(DriverFixture.utf8(records.get(j).key())).isEqualTo("m-1");
                    assertThat(code.modelVersion()).isEqualTo(TestBundles.VERSION);
                    assertThat(code.values()).hasSize(bundle.network().codeSize())
                            .containsExactly(scorer.code(), within(format.equals("json") ? 1e-12 : 0));
                }
            }
        }
    }
}
