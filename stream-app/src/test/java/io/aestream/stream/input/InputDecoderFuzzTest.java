package io.aestream.stream.input;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.aestream.frame.FrameSpec;
import io.aestream.frame.VectorFrameSpec;
import io.aestream.frame.WindowFrameSpec;
import io.aestream.stream.TestBundles;
import io.aestream.stream.config.InputFormat;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever bytes and headers a record carries, the decoder returns a frame input of finite numbers or throws
 * {@link BadInputException} (which sends the record to the dead-letter topic with its reason) — never another
 * exception, which would fail the stream thread. Every format (JSON, float32, PCM16 and JSON-wrapped PCM16) and
 * layout (vector, window, audio). Bounded in the suite (the POM sets JAZZER_FUZZ=1; maxDuration below); a longer
 * run: {@code JAZZER_FUZZ=1 mvn -pl stream-app test -Dtest=InputDecoderFuzzTest -Djazzer.max_duration=10m}.
 */
class InputDecoderFuzzTest {
    private static final List<FrameSpec> SPECS = List.of(new VectorFrameSpec(List.of("a", "b", "c")),
            new WindowFrameSpec(List.of("x"), 4, 2), TestBundles.windowSpec(), TestBundles.audioSpec());

    @FuzzTest(maxDuration = "10s")
    @DictionaryEntries({"{\"ts\": ", "\"values\": [", "\"value\": ", "\"pcm16\": \"", "1e308", "-0", "NaN", "\"2024-01-01T00:00:00Z\"",
            "8000", "[[[[[[[["})
    void decodesOrRejectsAsBadInput(FuzzedDataProvider data) {
        FrameSpec spec = data.pickValue(SPECS);
        InputFormat format = data.pickValue(InputFormat.values());
        RecordHeaders headers = new RecordHeaders();
        if (data.consumeBoolean()) {
            headers.add(InputDecoder.SAMPLE_RATE_HEADER, data.consumeString(8).getBytes(StandardCharsets.UTF_8));
        }
        long ts = data.consumeLong();
        byte[] value = data.consumeBoolean() ? null : data.consumeRemainingAsBytes();
        try {
            FrameInput input = new InputDecoder(format, spec).decode(value, headers, ts);
            if (input instanceof FrameInput.Row row) {
                assertThat(Arrays.stream(row.values()).allMatch(Double::isFinite)).as("finite values").isTrue();
            }
        } catch (BadInputException expected) {
            assertThat(expected.reason()).isNotNull();
        }
    }
}
