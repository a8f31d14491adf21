package io.aestream.frame;

import io.aestream.scoring.Distribution;
import io.aestream.scoring.Normalizer;
import io.aestream.scoring.Scorer;
import io.aestream.testing.Networks;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * However a producer splits a signal into records, and wherever the app restarts from its stored state, the frames,
 * scores and denoised output are those of the signal processed in one piece: for audio (plain autoencoder features
 * and the gain-mask model with its running normalization and context) and for window rows.
 */
class FramingPropertiesTest {
    private static final AudioFrameSpec PLAIN = new AudioFrameSpec(8000, 128, 32, WindowFunction.SQRT_HANN,
            AudioFeature.LOG_MAGNITUDE, 0);
    private static final AudioFrameSpec MASKED = new AudioFrameSpec(8000, 128, 64, WindowFunction.SQRT_HANN,
            AudioFeature.LOG_MAGNITUDE, 0, new GainMask(3, true, true, 0.1, 0.5));
    private static final WindowFrameSpec WINDOW = new WindowFrameSpec(List.of("a", "b"), 5, 2);

    @Provide
    Arbitrary<List<Integer>> recordLengths() {
        return Arbitraries.integers().between(1, 700).list().ofMinSize(1).ofMaxSize(30);
    }

    @Property(tries = 40)
    void audioIsTheSameForAnySplitIntoRecords(@ForAll("recordLengths") List<Integer> lengths, @ForAll boolean masked,
                                              @ForAll @IntRange(min = 0, max = 1000) int seed) {
        AudioFrameSpec spec = masked ? MASKED : PLAIN;
        Scorer scorer = masked
                ? new Scorer(Networks.mask(spec.inputSize(), 16, spec.outputSize(), seed), new Normalizer.Identity(spec.inputSize()),
                        Distribution.BERNOULLI)
                : new Scorer(Networks.identity(spec.inputSize()), new Normalizer.Identity(spec.inputSize()), Distribution.GAUSSIAN);
        AudioProcessor p = new AudioProcessor(spec, scorer);
        double[] x = signal(3000, seed);

        List<Double> wholeScores = new ArrayList<>();
        AudioState whole = AudioState.start(spec);
        double[] expected = p.push(whole, x, (i, s) -> wholeScores.add(s.score()));

        List<Double> splitScores = new ArrayList<>();
        AudioState st = AudioState.start(spec);
        double[] got = new double[0];
        for (int at = 0, r = 0; at < x.length; r++) {
            int len = Math.min(lengths.get(r % lengths.size()), x.length - at);
            st = AudioState.fromBytes(st.toBytes());
            double[] part = p.push(st, Arrays.copyOfRange(x, at, at + len), (i, s) -> splitScores.add(s.score()));
            got = Arrays.copyOf(got, got.length + part.length);
            System.arraycopy(part, 0, got, got.length - part.length, part.length);
            at += len;
        }
        assertThat(got).containsExactly(expected);
        assertThat(splitScores).isEqualTo(wholeScores);
        assertThat(st.toBytes()).isEqualTo(whole.toBytes());
    }

    @Property(tries = 40)
    void windowFramesAreTheSameWhereverTheStateIsRestored(@ForAll("restorePoints") List<Boolean> restoreBeforeRow) {
        WindowAssembler wa = new WindowAssembler(WINDOW);
        WindowState straight = WindowState.empty(WINDOW);
        WindowState restored = WindowState.empty(WINDOW);
        for (int r = 0; r < restoreBeforeRow.size(); r++) {
            double[] row = {Math.sin(0.7 * r), r % 3};
            if (restoreBeforeRow.get(r)) {
                restored = WindowState.fromBytes(restored.toBytes());
            }
            assertThat(wa.push(restored, row)).isEqualTo(wa.push(straight, row));
        }
        assertThat(restored.toBytes()).isEqualTo(straight.toBytes());
    }

    @Provide
    Arbitrary<List<Boolean>> restorePoints() {
        return Arbitraries.of(true, false).list().ofMinSize(1).ofMaxSize(60);
    }

    private static double[] signal(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double envelope = (i / 700) % 2 == 0 ? 1 : 0.1;
            x[i] = envelope * 0.3 * Math.sin(2 * Math.PI * 440 * i / 8000.0) + 0.03 * rng.nextGaussian();
        }
        return x;
    }
}
