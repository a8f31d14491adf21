package io.aestream.launcher.consume;

import io.aestream.stream.message.BinaryMessages;
import io.aestream.stream.message.ScoreMessage;
import io.aestream.stream.serde.JsonSerde;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OutputDecoderTest {
    private static final byte[] KEY = "pump-1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] VERSION = "v1".getBytes(StandardCharsets.UTF_8);

    @Test
    void shouldPrintTheJsonTheAppWritesWhenBinaryScoreIsDecoded() {
        ByteBuffer buf = BinaryMessages.buffer(BinaryMessages.scoreSize(VERSION, 1, null));
        BinaryMessages.writeScore(buf, 1000, 1.25, 0.5, true, null, VERSION, new int[] {1}, new double[] {0.1, 3.5}, null);
        String line = new OutputDecoder(OutputDecoder.Kind.SCORES, true, List.of("flow", "temp"))
                .line(KEY, Arrays.copyOf(buf.array(), buf.limit()));
        ScoreMessage expected = new ScoreMessage(1000, "pump-1", 1.25, null, 0.5, true, "v1",
                List.of(new ScoreMessage.FeatureError("temp", 3.5)));
        assertThat(line).isEqualTo(new String(JsonSerde.write(expected), StandardCharsets.UTF_8));
    }

    @Test
    void shouldPrintDenoisedValuesWhenBinaryDenoisedIsDecoded() {
        ByteBuffer buf = BinaryMessages.buffer(BinaryMessages.denoisedSize(VERSION, 2));
        BinaryMessages.writeDenoised(buf, 7, VERSION, new double[] {1.5, -2}, 0, 2);
        assertThat(new OutputDecoder(OutputDecoder.Kind.DENOISED, true, null).line(KEY, Arrays.copyOf(buf.array(), buf.limit())))
                .isEqualTo("{\"ts\":7,\"key\":\"pump-1\",\"modelVersion\":\"v1\",\"values\":[1.5,-2.0]}");
    }

    @Test
    void shouldPassJsonThroughWhenFormatIsJson() {
        byte[] json = "{\"ts\":1}".getBytes(StandardCharsets.UTF_8);
        assertThat(new OutputDecoder(OutputDecoder.Kind.SCORES, false, null).line(KEY, json)).isEqualTo("{\"ts\":1}");
    }
}
