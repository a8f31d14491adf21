package io.aestream.stream.topology;

import io.aestream.stream.TestBundles;
import io.aestream.stream.config.Settings;
import io.aestream.stream.errors.DeadLetterHeaders;
import io.aestream.stream.input.InputDecoder;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every input the processor rejects lands in the dead-letter topic, byte for byte, with its reason and origin. */
class DeadLetterTopologyTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "malformed-json    | {\"ts\": 1, \"values\": [1, 2, 3]",
            "malformed-json    | [1, 2, 3]",
            "malformed-json    | {\"values\": [1, \"two\", 3]}",
            "missing-values    | {\"ts\": 1}",
            "wrong-dimension   | {\"ts\": 1, \"values\": [1, 2]}",
            "non-finite-value  | {\"ts\": 1, \"values\": [1, 2, 1e999]}",
            "bad-timestamp     | {\"ts\": \"yesterday\", \"values\": [1, 2, 3]}",
            "bad-timestamp     | {\"ts\": -5, \"values\": [1, 2, 3]}",
    })
    void shouldRouteOriginalBytesToDeadLetterWhenJsonFrameIsBad(String reason, String json) throws IOException {
        try (DriverFixture fx = new DriverFixture(TestBundles.vector(tmp.resolve("b")), tmp.resolve("s"), Map.of())) {
            // Given a good frame first, so the bad one has offset 1
            fx.sendJson("s1", "{\"ts\": 1, \"values\": [1, 2, 3]}");
            RecordHeaders headers = new RecordHeaders();
            headers.add("trace-id", "abc".getBytes(StandardCharsets.UTF_8));
            // When
            fx.send("s1", json.getBytes(StandardCharsets.UTF_8), headers);
            // Then
            TestRecord<byte[], byte[]> dead = fx.deadLetters.readRecord();
            assertThat(DriverFixture.utf8(dead.key())).isEqualTo("s1");
            assertThat(DriverFixture.utf8(dead.value())).isEqualTo(json);
            assertDeadLetterHeaders(dead.headers(), reason, fx.config.topics().input(), "1");
            assertThat(header(dead.headers(), "trace-id")).isEqualTo("abc");
            assertThat(fx.scores()).hasSize(1);
            assertThat(fx.deadLetters.isEmpty()).isTrue();
            assertThat(fx.registry.get("aestream.dead.letters").tag("reason", reason).counter().count()).isEqualTo(1);
        }
    }

    @Test
    void shouldRouteToDeadLetterWhenKeyOrValueIsMissing() throws IOException {
        try (DriverFixture fx = new DriverFixture(TestBundles.vector(tmp.resolve("b")), tmp.resolve("s"), Map.of())) {
            fx.send(null, "{\"values\": [1, 2, 3]}".getBytes(StandardCharsets.UTF_8), new RecordHeaders());
            fx.send("s1", null, new RecordHeaders());
            TestRecord<byte[], byte[]> noKey = fx.deadLetters.readRecord();
            assertThat(header(noKey.headers(), DeadLetterHeaders.REASON)).isEqualTo("missing-key");
            assertThat(noKey.key()).isNull();
            TestRecord<byte[], byte[]> noValue = fx.deadLetters.readRecord();
            assertThat(header(noValue.headers(), DeadLetterHeaders.REASON)).isEqualTo("missing-values");
            assertThat(noValue.value()).isNull();
            assertThat(fx.scores()).isEmpty();
        }
    }

    @Test
    void shouldRouteToDeadLetterWhenBinaryRowIsNonFiniteOrWrongSize() throws IOException {
        try (DriverFixture fx = new DriverFixture(TestBundles.vector(tmp.resolve("b")), tmp.resolve("s"),
                Map.of(Settings.INPUT_FORMAT, "binary"))) {
            byte[] nan = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putFloat(1).putFloat(Float.NaN).putFloat(3).array();
            fx.send("s1", nan, new RecordHeaders());
            fx.send("s1", new byte[10], new RecordHeaders());
            assertThat(fx.deadLetters.readRecordsToList()).extracting(r -> header(r.headers(), DeadLetterHeaders.REASON))
                    .containsExactly("non-finite-value", "wrong-dimension");
        }
    }

    @Test
    void shouldRouteToDeadLetterWhenAudioSampleRateIsWrongOrPcmLengthOdd() throws IOException {
        try (DriverFixture fx = new DriverFixture(TestBundles.random(tmp.resolve("b"), TestBundles.audioSpec(), 1), tmp.resolve("s"),
                Map.of(Settings.INPUT_FORMAT, "binary"))) {
            fx.send("mic", new byte[64], rate("16000"));
            fx.send("mic", new byte[64], new RecordHeaders());
            fx.send("mic", new byte[63], rate("8000"));
            fx.sendJson("mic", "{\"pcm16\": \"AAAA\"}");
            var dead = fx.deadLetters.readRecordsToList();
            assertThat(dead).extracting(r -> header(r.headers(), DeadLetterHeaders.REASON))
                    .containsExactly("wrong-sample-rate", "wrong-sample-rate", "odd-pcm-length", "wrong-sample-rate");
            assertThat(header(dead.get(0).headers(), DeadLetterHeaders.MESSAGE)).contains("16000", "8000");
            assertThat(dead.get(2).value()).hasSize(63);
        }
    }

    static RecordHeaders rate(String hz) {
        RecordHeaders h = new RecordHeaders();
        h.add(InputDecoder.SAMPLE_RATE_HEADER, hz.getBytes(StandardCharsets.US_ASCII));
        return h;
    }

    static void assertDeadLetterHeaders(Headers headers, String reason, String topic, String offset) {
        assertThat(header(headers, DeadLetterHeaders.REASON)).isEqualTo(reason);
        assertThat(header(headers, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(topic);
        assertThat(header(headers, DeadLetterHeaders.SOURCE_PARTITION)).isEqualTo("0");
        assertThat(header(headers, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo(offset);
        assertThat(header(headers, DeadLetterHeaders.EXCEPTION_CLASS)).isNotBlank();
        assertThat(header(headers, DeadLetterHeaders.MESSAGE)).isNotBlank();
    }

    static String header(Headers headers, String name) {
        var h = headers.lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
