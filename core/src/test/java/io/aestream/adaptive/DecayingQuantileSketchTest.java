package io.aestream.adaptive;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DecayingQuantileSketchTest {
    private static final double NO_DECAY = 1e12;

    @Test
    void shouldStayWithinRelativeAccuracyWhenComparedWithExactQuantiles() {
        // Given heavy-tailed synthetic scores (log-normal and squared-Gaussian mixtures)
        Random r = new Random(9);
        double[] values = new double[50_000];
        for (int i = 0; i < values.length; i++) {
            double g = r.nextGaussian();
            values[i] = i % 2 == 0 ? Math.exp(1.5 * r.nextGaussian() - 2) : g * g * 0.3;
        }
        DecayingQuantileSketch sketch = new DecayingQuantileSketch(0.01, NO_DECAY);

        // When all are added
        for (double v : values) {
            sketch.add(v);
        }

        // Then each quantile lies within 1 % of an exact order statistic next to it
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        for (double q : new double[] {0.5, 0.9, 0.99, 0.999}) {
            double exact = sorted[(int) Math.ceil(q * sorted.length) - 1];
            assertThat(sketch.quantile(q)).as("q=%s", q).isCloseTo(exact, within(0.0101 * exact));
        }
    }

    @Test
    void shouldForgetOldScoresWhenDistributionShifts() {
        // Given a sketch with a half-life of 200 that saw 5 000 scores around 1
        DecayingQuantileSketch sketch = new DecayingQuantileSketch(0.02, 200);
        Random r = new Random(4);
        for (int i = 0; i < 5000; i++) {
            sketch.add(1 + 0.1 * r.nextGaussian());
        }
        assertThat(sketch.quantile(0.5)).isCloseTo(1.0, within(0.05));

        // When 2 000 scores around 10 follow (10 half-lives)
        for (int i = 0; i < 2000; i++) {
            sketch.add(10 + r.nextGaussian());
        }

        // Then the median has moved to the new level
        assertThat(sketch.quantile(0.5)).isCloseTo(10.0, within(0.5));
        assertThat(sketch.quantile(0.01)).isGreaterThan(5);
    }

    @Test
    void shouldKeepQuantilesWhenWeightsAreRescaled() {
        // Given a very short half-life, which forces many rescalings of the growing weights
        DecayingQuantileSketch sketch = new DecayingQuantileSketch(0.02, 1);
        for (int i = 0; i < 3000; i++) {
            sketch.add(i % 2 == 0 ? 1 : 2);
        }

        // Then the latest values still dominate and nothing overflowed
        assertThat(sketch.quantile(0.9)).isCloseTo(2.0, within(0.05));
        assertThat(sketch.count()).isEqualTo(3000);
    }

    @Test
    void shouldReturnSameQuantilesWhenRoundTrippedThroughBytes() throws IOException {
        // Given a sketch with data
        DecayingQuantileSketch sketch = new DecayingQuantileSketch(0.02, 500);
        Random r = new Random(1);
        for (int i = 0; i < 1000; i++) {
            sketch.add(Math.exp(r.nextGaussian()));
        }

        // When written and read back
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        sketch.writeTo(new DataOutputStream(bytes));
        DecayingQuantileSketch copy = DecayingQuantileSketch.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));

        // Then it answers identically, also after further adds; and only non-empty buckets were stored
        copy.add(3.0);
        sketch.add(3.0);
        for (double q : new double[] {0.1, 0.5, 0.99}) {
            assertThat(copy.quantile(q)).isEqualTo(sketch.quantile(q));
        }
        assertThat(bytes.size()).isLessThan(8 * 700);
    }

    @Test
    void shouldReturnNaNWhenEmpty() {
        assertThat(new DecayingQuantileSketch(0.02, 10).quantile(0.5)).isNaN();
    }
}
