package io.aestream.stream.topology;

import io.aestream.stream.TestBundles;
import io.aestream.stream.config.Settings;
import io.aestream.stream.errors.DeadLetterHeaders;
import io.aestream.stream.message.ScoreMessage;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile records between good ones: each bad one is a dead letter with its original bytes and reason, counted, and
 * the good records around it are still scored — a poison record never blocks its partition. Records that are odd
 * but valid (unknown fields, timestamps going backwards, a replayed record) are scored as documented.
 */
class HostileInputTopologyTest {
    private static final String GOOD = "{\"ts\": %d, \"values\": [1, 2, 3]}";
    @TempDir
    Path tmp;

    private DriverFixture fixture() throws IOException {
        return new DriverFixture(TestBundles.vector(tmp.resolve("b")), tmp.resolve("s"), Map.of(Settings.MAX_RECORD_BYTES, "4096"));
    }

    private static void assertDeadLetter(DriverFixture fx, String reason, byte[] original) {
        TestRecord<byte[], byte[]> dead = fx.deadLetters.readRecord();
        assertThat(new String(dead.headers().lastHeader(DeadLetterHeaders.REASON).value(), StandardCharsets.UTF_8)).isEqualTo(reason);
        assertThat(dead.value()).isEqualTo(original);
        assertThat(fx.registry.get("aestream.dead.letters").tag("reason", reason).counter().count()).isEqualTo(1);
    }

    /** Good record, {@code bad}, good record: the two good ones are scored, {@code bad} is a dead letter. */
    private static void sandwich(DriverFixture fx, byte[] key, byte[] bad, String reason) {
        fx.sendJson("s1", String.format(GOOD, 1));
        fx.input.pipeInput(new TestRecord<>(key, bad, new RecordHeaders(), DriverFixture.T0));
        fx.sendJson("s1", String.format(GOOD, 2));
        assertDeadLetter(fx, reason, bad);
        assertThat(fx.scores()).extracting(ScoreMessage::ts).containsExactly(1L, 2L);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldDeadLetterAnEmptyValue() throws IOException {
        try (DriverFixture fx = fixture()) {
            sandwich(fx, utf8("s1"), new byte[0], "empty-value");
        }
    }

    @Test
    void shouldDeadLetterAValueLargerThanTheConfiguredMaximum() throws IOException {
        try (DriverFixture fx = fixture()) {
            String padded = "{\"ts\": 1, \"values\": [1, 2, 3], \"note\": \"" + "x".repeat(5000) + "\"}";
            sandwich(fx, utf8("s1"), utf8(padded), "too-large");
        }
    }

    @Test
    void shouldDeadLetterDeeplyNestedJsonWithoutExhaustingTheStack() throws IOException {
        try (DriverFixture fx = fixture()) {
            byte[] nested = new byte[4000];
            Arrays.fill(nested, 0, 2000, (byte) '[');
            Arrays.fill(nested, 2000, 4000, (byte) ']');
            sandwich(fx, utf8("s1"), nested, "malformed-json");
        }
    }

    @Test
    void shouldDeadLetterNestingHiddenInAnUnknownField() throws IOException {
        try (DriverFixture fx = fixture()) {
            String json = "{\"ts\": 1, \"values\": [1, 2, 3], \"extra\": " + "[".repeat(100) + "]".repeat(100) + "}";
            sandwich(fx, utf8("s1"), utf8(json), "malformed-json");
        }
    }

    @Test
    void shouldDeadLetterAPayloadTimestampFarAheadOfTheRecord() throws IOException {
        try (DriverFixture fx = fixture()) {
            long twoHoursAhead = DriverFixture.T0.toEpochMilli() + 2 * 3_600_000L;
            sandwich(fx, utf8("s1"), utf8(String.format(GOOD, twoHoursAhead)), "future-timestamp");
        }
    }

    @Test
    void shouldDeadLetterAKeyThatIsNotUtf8() throws IOException {
        try (DriverFixture fx = fixture()) {
            fx.sendJson("s1", String.format(GOOD, 1));
            byte[] bad = utf8(String.format(GOOD, 5));
            fx.input.pipeInput(new TestRecord<>(new byte[] {(byte) 0xC3, (byte) 0x28}, bad, new RecordHeaders(), DriverFixture.T0));
            fx.sendJson("s1", String.format(GOOD, 2));
            TestRecord<byte[], byte[]> dead = fx.deadLetters.readRecord();
            assertThat(dead.key()).containsExactly((byte) 0xC3, (byte) 0x28);
            assertThat(new String(dead.headers().lastHeader(DeadLetterHeaders.REASON).value(), StandardCharsets.UTF_8))
                    .isEqualTo("malformed-key");
            assertThat(fx.scores()).extracting(ScoreMessage::ts).containsExactly(1L, 2L);
        }
    }

    @Test
    void shouldIgnoreUnknownFields() throws IOException {
        try (DriverFixture fx = fixture()) {
            fx.sendJson("s1", String.format(GOOD, 6));
            fx.sendJson("s1", "{\"ts\": 7, \"site\": \"pump-3\", \"values\": [1, 2, 3], \"meta\": {\"fw\": [1, 2]}}");
            assertThat(fx.deadLetters.isEmpty()).isTrue();
            var scores = fx.scores();
            assertThat(scores).extracting(ScoreMessage::ts).containsExactly(6L, 7L);
            assertThat(scores.get(1).score()).as("same values, same score").isEqualTo(scores.get(0).score());
        }
    }

    @Test
    void shouldScoreTimestampsGoingBackwardsAndReplayedRecordsInArrivalOrder() throws IOException {
        try (DriverFixture fx = fixture()) {
            fx.sendJson("s1", String.format(GOOD, 20));
            fx.sendJson("s1", String.format(GOOD, 10));
            fx.sendJson("s1", String.format(GOOD, 10));
            assertThat(fx.deadLetters.isEmpty()).isTrue();
            assertThat(fx.scores()).extracting(ScoreMessage::ts).containsExactly(20L, 10L, 10L);
        }
    }
}
