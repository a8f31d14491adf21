package io.aestream.stream.message;

import io.aestream.scoring.Classification;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BinaryMessagesTest {
    private static final byte[] VERSION = "undercomplete-1+ft2".getBytes(StandardCharsets.UTF_8);

    @Test
    void shouldReadBackEveryFieldExactlyWhenScoreRoundTrips() {
        double[] errors = {0.1, 7.25, 1 / 3.0};
        ByteBuffer buf = BinaryMessages.buffer(BinaryMessages.scoreSize(VERSION, 2, null));
        BinaryMessages.writeScore(buf, 1_700_000_000_123L, Math.PI, 0.5, true, 0.999, VERSION, new int[] {1, 2}, errors, null);
        byte[] value = Arrays.copyOf(buf.array(), buf.limit());

        ScoreMessage m = BinaryMessages.readScore("pump-1", value, List.of("a", "b", "c"));

        assertThat(value).hasSize(BinaryMessages.scoreSize(VERSION, 2, null));
        assertThat(m).isEqualTo(new ScoreMessage(1_700_000_000_123L, "pump-1", Math.PI, 0.999, 0.5, true,
                "undercomplete-1+ft2", List.of(new ScoreMessage.FeatureError("b", 7.25), new ScoreMessage.FeatureError("c", 1 / 3.0))));
    }

    @Test
    void shouldReadBackTheClassAfterTheTopFeaturesWhenTheFrameIsClassified() {
        Classification c = Classification.of(List.of("valve", "kavitation-ü"), new double[] {0.3, 0.7});
        ByteBuffer buf = BinaryMessages.buffer(BinaryMessages.scoreSize(VERSION, 1, c));
        BinaryMessages.writeScore(buf, 7, 3.5, 0.5, true, null, VERSION, new int[] {0}, new double[] {4.0}, c);
        byte[] value = Arrays.copyOf(buf.array(), buf.limit());
        ScoreMessage m = BinaryMessages.readScore("k", value, List.of("a"));
        assertThat(m).isEqualTo(new ScoreMessage(7, "k", 3.5, null, 0.5, true, "undercomplete-1+ft2",
                List.of(new ScoreMessage.FeatureError("a", 4.0)), "kavitation-ü", 0.7));
        // the unclassified value is the same bytes without the class fields and without flag bit 2
        BinaryMessages.writeScore(buf, 7, 3.5, 0.5, true, null, VERSION, new int[] {0}, new double[] {4.0}, null);
        byte[] plain = Arrays.copyOf(buf.array(), buf.limit());
        assertThat(value).hasSize(plain.length + 2 + "kavitation-ü".getBytes(StandardCharsets.UTF_8).length + 8);
        assertThat(value[1]).isEqualTo((byte) (plain[1] | 4));
        assertThat(Arrays.copyOfRange(value, 2, plain.length)).isEqualTo(Arrays.copyOfRange(plain, 2, plain.length));
    }

    @Test
    void shouldReadNullLikelihoodAndIndexNamesWhenAbsent() {
        ByteBuffer buf = BinaryMessages.buffer(BinaryMessages.scoreSize(VERSION, 1, null));
        BinaryMessages.writeScore(buf, 5, 0.01, 0.5, false, null, VERSION, new int[] {0}, new double[] {0.02}, null);
        ScoreMessage m = BinaryMessages.readScore("k", Arrays.copyOf(buf.array(), buf.limit()), null);
        assertThat(m.likelihood()).isNull();
        assertThat(m.anomaly()).isFalse();
        assertThat(m.topFeatures()).containsExactly(new ScoreMessage.FeatureError("#0", 0.02));
    }

    @Test
    void shouldReadBackTheSelectedValuesWhenDenoisedRoundTrips() {
        double[] rec = {9, 9, 1.5, -2.25e-9, 1e300};
        ByteBuffer buf = BinaryMessages.buffer(BinaryMessages.denoisedSize(VERSION, 3));
        BinaryMessages.writeDenoised(buf, 42, VERSION, rec, 2, 3);
        DenoisedMessage m = BinaryMessages.readDenoised("k", Arrays.copyOf(buf.array(), buf.limit()));
        assertThat(m.ts()).isEqualTo(42);
        assertThat(m.modelVersion()).isEqualTo("undercomplete-1+ft2");
        assertThat(m.values()).containsExactly(1.5, -2.25e-9, 1e300);
    }

    @Test
    void shouldRejectOtherVersionsTruncatedAndTrailingBytes() {
        ByteBuffer buf = BinaryMessages.buffer(64);
        BinaryMessages.writeDenoised(buf, 42, VERSION, new double[] {1, 2}, 0, 2);
        byte[] value = Arrays.copyOf(buf.array(), buf.limit());
        byte[] other = value.clone();
        other[0] = 2;
        assertThatThrownBy(() -> BinaryMessages.readDenoised("k", other)).hasMessageContaining("expected layout version 1, found 2");
        assertThatThrownBy(() -> BinaryMessages.readDenoised("k", Arrays.copyOf(value, value.length - 1)))
                .hasMessageContaining("truncated");
        assertThatThrownBy(() -> BinaryMessages.readDenoised("k", Arrays.copyOf(value, value.length + 1)))
                .hasMessageContaining("1 bytes after the value");
    }
}
