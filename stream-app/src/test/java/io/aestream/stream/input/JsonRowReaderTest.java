package io.aestream.stream.input;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The fast path reads only the common shape; everything else is left to the tree decoder's rules. */
class JsonRowReaderTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"ts\": 1000, \"values\": [1, -2.5, 3e2]}",
            "{\"values\": [1, -2.5, 3e2], \"ts\": 1000, \"site\": {\"a\": [1, {\"b\": null}]}}",
            " {\"ts\":1000,\"values\":[1.0,-2.50,300]} "})
    void shouldReadValuesAndTimestampWhenRowHasTheCommonShape(String json) {
        FrameInput.Row row = JsonRowReader.read(json.getBytes(StandardCharsets.UTF_8), 3, 7);
        assertThat(row.ts()).isEqualTo(1000);
        assertThat(row.values()).containsExactly(1, -2.5, 300);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"values\": [1, 2, 3]}", "{\"ts\": null, \"values\": [1, 2, 3]}"})
    void shouldTakeRecordTimestampWhenTsIsAbsentOrNull(String json) {
        assertThat(JsonRowReader.read(json.getBytes(StandardCharsets.UTF_8), 3, 7).ts()).isEqualTo(7);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "[1, 2, 3]", "{\"ts\": 1}", "{\"values\": [1, 2]}", "{\"values\": [1, 2, 3, 4]}",
            "{\"values\": [1, \"2\", 3]}", "{\"values\": [1, 2, null]}", "{\"values\": null}", "{\"value\": 1}",
            "{\"values\": [1, 2, 3], \"values\": [4, 5, 6]}", "{\"ts\": 1, \"ts\": 2, \"values\": [1, 2, 3]}",
            "{\"ts\": \"2025-03-01T12:00:00Z\", \"values\": [1, 2, 3]}", "{\"ts\": -1, \"values\": [1, 2, 3]}",
            "{\"ts\": 1.5, \"values\": [1, 2, 3]}", "{\"ts\": 99999999999999999999, \"values\": [1, 2, 3]}",
            "{\"values\": [1, 2, 3]} {}", "{\"values\": [1, 2, 3]}x", "{\"values\": [NaN, 2, 3]}", "{\"values\": [1, 2, 3]",
            "{\"values\": 3}"})
    void shouldLeaveEverythingElseToTheTreeDecoder(String json) {
        assertThat(JsonRowReader.read(json.getBytes(StandardCharsets.UTF_8), 3, 7)).isNull();
    }
}
