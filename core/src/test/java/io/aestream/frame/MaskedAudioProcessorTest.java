package io.aestream.frame;

import io.aestream.scoring.Distribution;
import io.aestream.scoring.FrameScore;
import io.aestream.scoring.Normalizer;
import io.aestream.scoring.Scorer;
import io.aestream.testing.Networks;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** A gain-mask model in the streaming audio path: its inputs, its gains and its state across record boundaries. */
class MaskedAudioProcessorTest {
    private static final GainMask MASK = new GainMask(3, true, true, 0.1, 0.5);
    private static final AudioFrameSpec SPEC = new AudioFrameSpec(8000, 128, 64, WindowFunction.SQRT_HANN,
            AudioFeature.LOG_MAGNITUDE, 0, MASK);

    private static double[] signal(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double envelope = (i / 1200) % 2 == 0 ? 1 : 0.1;
            x[i] = envelope * 0.3 * Math.sin(2 * Math.PI * 440 * i / 8000.0) + 0.03 * rng.nextGaussian();
        }
        return x;
    }

    private static AudioProcessor processor(long seed) {
        Scorer scorer = new Scorer(Networks.mask(SPEC.inputSize(), 16, SPEC.outputSize(), seed),
                new Normalizer.Identity(SPEC.inputSize()), Distribution.BERNOULLI);
        return new AudioProcessor(SPEC, scorer);
    }

    @Test
    void shouldLayOutCurrentContextDeltaAndNoiseInputsWithNamesForEach() {
        assertThat(SPEC.inputSize()).isEqualTo(65 * 6);
        assertThat(SPEC.outputSize()).isEqualTo(65);
        assertThat(SPEC.featureNames()).hasSize(65 * 6).startsWith("0Hz", "63Hz").contains("t-3:4000Hz", "d:0Hz", "noise:4000Hz");
    }

    @Test
    void shouldGiveTheSameInputsAtAnyInputLevel() {
        double[] x = signal(6000, 1);
        double[] louder = Arrays.stream(x).map(v -> v * 10).toArray();
        List<double[]> a = new AudioProcessor(SPEC, null).features(x);
        List<double[]> b = new AudioProcessor(SPEC, null).features(louder);
        assertThat(a).hasSameSizeAs(b);
        // equal up to the log floor ε = 1e-5, which only matters next to the magnitudes of near-silent bins
        double sum = 0;
        int count = 0;
        for (int t = 0; t < a.size(); t++) {
            for (int j = 0; j < a.get(t).length; j++) {
                sum += Math.abs(a.get(t)[j] - b.get(t)[j]);
                count++;
            }
        }
        assertThat(sum / count).isLessThan(1e-3);
    }

    @Test
    void shouldApplyGainsBetweenTheFloorAndOneToTheNoisyMagnitude() {
        // A network whose output is always 0 (large negative bias) leaves exactly the floor: the output is 0.1 × input
        Scorer closed = new Scorer(new io.aestream.scoring.DenseNetwork(List.of(new io.aestream.scoring.DenseLayer(
                SPEC.inputSize(), SPEC.outputSize(), new double[SPEC.inputSize() * SPEC.outputSize()],
                filled(SPEC.outputSize(), -50), io.aestream.scoring.Activation.SIGMOID)), 0),
                new Normalizer.Identity(SPEC.inputSize()), Distribution.BERNOULLI);
        double[] x = signal(3000, 2);
        List<FrameScore> scores = new ArrayList<>();
        double[] out = new AudioProcessor(SPEC, closed).denoise(x, (i, s) -> scores.add(s));
        assertThat(out).hasSize(x.length);
        for (int i = 0; i < x.length; i++) {
            assertThat(out[i]).isCloseTo(0.1 * x[i], within(1e-9));
        }
        assertThat(scores).allSatisfy(s -> assertThat(s.score()).isCloseTo(1.0, within(1e-9)));
    }

    @Test
    void shouldGiveSameSamplesAndScoresForAnyChunkingWithTheStateSerializedAtEveryRecord() {
        AudioProcessor p = processor(5);
        double[] x = signal(5000, 3);
        List<Double> wholeScores = new ArrayList<>();
        AudioState whole = AudioState.start(SPEC);
        double[] expected = p.push(whole, x, (i, s) -> wholeScores.add(s.score()));

        List<Double> chunkScores = new ArrayList<>();
        SplittableRandom rng = new SplittableRandom(7);
        AudioState st = AudioState.start(SPEC);
        double[] chunked = new double[0];
        for (int at = 0; at < x.length; ) {
            int len = Math.min(1 + rng.nextInt(300), x.length - at);
            st = AudioState.fromBytes(st.toBytes());
            double[] part = p.push(st, Arrays.copyOfRange(x, at, at + len), (i, s) -> chunkScores.add(s.score()));
            chunked = concat(chunked, part);
            at += len;
        }
        assertThat(chunked).containsExactly(expected);
        assertThat(chunkScores).isEqualTo(wholeScores);
        assertThat(st.toBytes()).isEqualTo(whole.toBytes());
    }

    @Test
    void shouldReadVersionOneStatesAndRejectAStateOfAnotherModel() {
        AudioFrameSpec plain = SPEC.withMask(null);
        AudioState v2 = AudioState.start(plain);
        byte[] bytes = v2.toBytes();
        byte[] v1 = new byte[1 + 4 + 4 + 8 + 8 + 16 * 128];
        System.arraycopy(bytes, 0, v1, 0, v1.length);
        v1[0] = 1;
        assertThat(AudioState.fromBytes(v1).fits(plain)).isTrue();
        assertThatThrownBy(() -> processor(1).push(AudioState.fromBytes(v1), new double[10], (i, s) -> { }))
                .hasMessageContaining("audio state: does not fit");
        assertThatThrownBy(() -> AudioState.fromBytes(Arrays.copyOf(AudioState.start(SPEC).toBytes(), 100)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
