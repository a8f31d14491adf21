package io.aestream.trainer.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EncoderSizesTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 8, 9, 50, 140, 256, 500, 10_000})
    void shouldKeepEveryLayerBelowTheInputSizeWhenDerived(int d) {
        List<Integer> sizes = EncoderSizes.derived(d).sizes();

        int code = sizes.get(sizes.size() - 1);
        assertThat(code).isBetween(1, Math.max(1, d - 1)).isLessThanOrEqualTo(EncoderSizes.MAX_CODE);
        assertThat(sizes).allSatisfy(s -> assertThat(s).isLessThanOrEqualTo(Math.max(1, d - 1)));
        assertThat(sizes).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
    }

    @Test
    void shouldDeriveCodeNearSquareRootWithOneHiddenLayerBetweenCodeAndInput() {
        assertThat(EncoderSizes.derived(1).sizes()).containsExactly(1);
        assertThat(EncoderSizes.derived(2).sizes()).containsExactly(1);
        assertThat(EncoderSizes.derived(8).sizes()).containsExactly(5, 3);
        assertThat(EncoderSizes.derived(32).sizes()).containsExactly(14, 6);
        assertThat(EncoderSizes.derived(500).sizes()).containsExactly(89, 16);
    }

    @Test
    void shouldPickTheCodeAtTheKneeWhenThreeComponentsHoldTheVariance() {
        double[] eigen = {5, 4, 3, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01};

        EncoderSizes chosen = EncoderSizes.knee(eigen);

        assertThat(chosen.codeSize()).isEqualTo(3);
        assertThat(chosen.reason()).contains("3 of 12 components", "99.");
    }

    @Test
    void shouldKeepTheKneeCodeBelowTheInputSize() {
        assertThat(EncoderSizes.knee(new double[] {1, 1}).codeSize()).isEqualTo(1);
        assertThat(EncoderSizes.knee(new double[] {1}).codeSize()).isEqualTo(1);
    }
}
