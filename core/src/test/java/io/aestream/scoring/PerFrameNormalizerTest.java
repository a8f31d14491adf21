package io.aestream.scoring;

import io.aestream.bundle.Json;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PerFrameNormalizerTest {
    /** Windows of 4 rows over a value column (floor 0.1) and a 0/1 column passed through. */
    private static final Normalizer.PerFrame N = new Normalizer.PerFrame(4, new double[] {0.1, 0}, new boolean[] {false, true});

    @Test
    void shouldSeeOnlyTheShapeOfEachColumnWhenTheLevelAndScaleChange() {
        double[] frame = {1, 0, 2, 1, 4, 1, 3, 0};
        double[] shifted = {101, 0, 103, 1, 107, 1, 105, 0};
        double[] a = new double[8];
        double[] b = new double[8];
        N.normalize(frame, a);
        N.normalize(shifted, b);
        assertThat(b).containsExactly(a, within(1e-12));
        // the value column has mean 0 and std 1 within the window; the 0/1 column is untouched
        assertThat(a[0] + a[2] + a[4] + a[6]).isCloseTo(0, within(1e-12));
        assertThat(a[0] * a[0] + a[2] * a[2] + a[4] * a[4] + a[6] * a[6]).isCloseTo(4, within(1e-12));
        assertThat(new double[] {a[1], a[3], a[5], a[7]}).containsExactly(0, 1, 1, 0);
    }

    @Test
    void shouldHoldAFlatWindowsStdToTheFloorAndInvertWithTheRawFrame() {
        double[] flat = {5, 0, 5.01, 0, 4.99, 1, 5, 1};
        double[] z = new double[8];
        N.normalize(flat, z);
        assertThat(z[2]).isCloseTo(0.01 / 0.1, within(1e-9));
        double[] back = new double[8];
        N.denormalize(flat, z, back);
        assertThat(back).containsExactly(flat, within(1e-12));
        assertThatThrownBy(() -> N.denormalize(z, back)).hasMessageContaining("inverting needs the raw frame");
    }

    @Test
    void shouldRoundTripThroughJsonAndRejectBadParameters() throws IOException {
        Normalizer read = Json.mapper().readValue(Json.mapper().writeValueAsBytes(N), Normalizer.class);
        assertThat(read).isEqualTo(N);
        assertThat(read.size()).isEqualTo(8);
        assertThatThrownBy(() -> new Normalizer.PerFrame(1, new double[] {1}, new boolean[] {false}))
                .hasMessageContaining("needs windows of >= 2 rows, got 1");
        assertThatThrownBy(() -> new Normalizer.PerFrame(3, new double[] {0}, new boolean[] {false}))
                .hasMessageContaining("per-frame floor[0]: must be finite and > 0, got 0.0");
    }
}
