package io.aestream.stream.input;

import io.aestream.frame.WindowFrameSpec;
import io.aestream.stream.TestBundles;
import io.aestream.stream.config.InputFormat;
import io.aestream.stream.errors.DeadLetterReason;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InputDecoderTest {
    private final InputDecoder singleColumn = new InputDecoder(InputFormat.JSON, new WindowFrameSpec(List.of("temp"), 8, 4));

    @Test
    void shouldAcceptAKeyHoldingTheReplacementCharacterButRejectBytesThatAreNotUtf8() throws BadInputException {
        assertThat(InputDecoder.key("pump-7".getBytes(StandardCharsets.UTF_8))).isEqualTo("pump-7");
        assertThat(InputDecoder.key("pump-\uFFFD".getBytes(StandardCharsets.UTF_8))).isEqualTo("pump-\uFFFD");
        assertThatThrownBy(() -> InputDecoder.key(new byte[] {'p', (byte) 0xC3, (byte) 0x28}))
                .isInstanceOf(BadInputException.class)
                .satisfies(e -> assertThat(((BadInputException) e).reason()).isEqualTo(DeadLetterReason.MALFORMED_KEY));
    }

    @Test
    void shouldAcceptValueOrValuesWhenWindowHasOneColumn() throws BadInputException {
        FrameInput.Row a = (FrameInput.Row) singleColumn.decode(json("{\"ts\": 12, \"value\": 21.5}"), null, 99);
        FrameInput.Row b = (FrameInput.Row) singleColumn.decode(json("{\"values\": [21.5]}"), null, 99);
        assertThat(a.values()).containsExactly(21.5);
        assertThat(a.ts()).isEqualTo(12);
        assertThat(b.values()).containsExactly(21.5);
        assertThat(b.ts()).isEqualTo(99);
    }

    @Test
    void shouldNameExpectedColumnsWhenValuesAreMissing() {
        assertThatThrownBy(() -> singleColumn.decode(json("{\"ts\": 1}"), null, 0)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("\"value\"").hasMessageContaining("[temp]")
                .satisfies(e -> assertThat(((BadInputException) e).reason()).isEqualTo(DeadLetterReason.MISSING_VALUES));
    }

    @Test
    void shouldScalePcm16ToUnitRangeWhenAudioIsBinary() throws BadInputException {
        InputDecoder audio = new InputDecoder(InputFormat.BINARY, TestBundles.audioSpec());
        RecordHeaders headers = new RecordHeaders();
        headers.add(InputDecoder.SAMPLE_RATE_HEADER, "8000".getBytes(StandardCharsets.US_ASCII));
        // -32768, 16384 little-endian
        FrameInput.PcmChunk chunk = (FrameInput.PcmChunk) audio.decode(new byte[] {0x00, (byte) 0x80, 0x00, 0x40}, headers, 7);
        assertThat(chunk.samples()).containsExactly(-1.0, 0.5);
        assertThat(chunk.ts()).isEqualTo(7);
    }

    private static byte[] json(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
