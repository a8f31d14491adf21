package io.aestream.frame;

import io.aestream.scoring.Distribution;
import io.aestream.scoring.Normalizer;
import io.aestream.scoring.Scorer;
import io.aestream.testing.Networks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AudioProcessorTest {

    private static double[] signal(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 0.5 * Math.sin(2 * Math.PI * 440 * i / 8000.0) + 0.05 * rng.nextGaussian();
        }
        return x;
    }

    private static AudioProcessor identityProcessor(AudioFrameSpec spec) {
        Scorer scorer = new Scorer(Networks.identity(spec.inputSize()), new Normalizer.Identity(spec.inputSize()), Distribution.GAUSSIAN);
        return new AudioProcessor(spec, scorer);
    }

    private static double[] concat(double[] a, double[] b) {
        double[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @ParameterizedTest
    @EnumSource(value = WindowFunction.class, names = {"SQRT_HANN", "HANN", "HAMMING"})
    void shouldResynthesizeInputExactlyWhenModelReconstructsPerfectly(WindowFunction window) {
        AudioFrameSpec spec = new AudioFrameSpec(8000, 256, 64, window, AudioFeature.LOG_MAGNITUDE, 0);
        AudioProcessor p = identityProcessor(spec);
        double[] x = signal(3000, 1);
        AudioState st = AudioState.start(spec);
        double[] out = concat(p.push(st, x, (i, s) -> { }), p.flush(st, (i, s) -> { }));
        assertThat(out).hasSize(x.length);
        for (int i = 0; i < x.length; i++) {
            assertThat(out[i]).as("sample %d", i).isCloseTo(x[i], within(1e-4));
        }
    }

    @Test
    void shouldResynthesizeThroughMelGainWhenReconstructionIsPerfect() {
        AudioFrameSpec spec = new AudioFrameSpec(16000, 512, 128, WindowFunction.SQRT_HANN, AudioFeature.LOG_MEL, 40);
        AudioProcessor p = identityProcessor(spec);
        double[] x = signal(4000, 2);
        AudioState st = AudioState.start(spec);
        double[] out = concat(p.push(st, x, (i, s) -> { }), p.flush(st, (i, s) -> { }));
        for (int i = 0; i < x.length; i++) {
            assertThat(out[i]).as("sample %d", i).isCloseTo(x[i], within(1e-9));
        }
    }

    @Test
    void shouldGiveSameFramesAndSamplesForAnyChunkingAndAcrossStateRestore() {
        AudioFrameSpec spec = new AudioFrameSpec(8000, 128, 32, WindowFunction.SQRT_HANN, AudioFeature.LOG_MAGNITUDE, 0);
        AudioProcessor p = identityProcessor(spec);
        double[] x = signal(2000, 3);

        List<Double> wholeScores = new ArrayList<>();
        double[] whole = p.push(AudioState.start(spec), x, (i, s) -> wholeScores.add(s.score()));

        List<Double> chunkScores = new ArrayList<>();
        SplittableRandom rng = new SplittableRandom(7);
        AudioState st = AudioState.start(spec);
        double[] chunked = new double[0];
        for (int at = 0; at < x.length; ) {
            int len = Math.min(1 + rng.nextInt(150), x.length - at);
            st = AudioState.fromBytes(st.toBytes());
            chunked = concat(chunked, p.push(st, java.util.Arrays.copyOfRange(x, at, at + len), (i, s) -> chunkScores.add(s.score())));
            at += len;
        }
        assertThat(chunked).containsExactly(whole);
        assertThat(chunkScores).isEqualTo(wholeScores);
        assertThat(p.features(x)).hasSize(wholeScores.size());
        assertThat(st.samples()).isEqualTo(x.length);
    }

    @Test
    void shouldRejectInvalidAudioSpecs() {
        assertThatThrownBy(() -> new AudioFrameSpec(44100, 256, 64, WindowFunction.HANN, AudioFeature.LOG_MAGNITUDE, 0))
                .hasMessage("sampleRate: must be one of 8000, 16000, 48000 Hz, got 44100");
        assertThatThrownBy(() -> new AudioFrameSpec(8000, 250, 50, WindowFunction.HANN, AudioFeature.LOG_MAGNITUDE, 0))
                .hasMessage("frameLength: must be a power of two >= 16, got 250");
        assertThatThrownBy(() -> new AudioFrameSpec(8000, 256, 96, WindowFunction.HANN, AudioFeature.LOG_MAGNITUDE, 0))
                .hasMessage("hop: must divide frameLength=256 and be <= 128, got 96");
        assertThatThrownBy(() -> new AudioProcessor(new AudioFrameSpec(8000, 256, 128, WindowFunction.RECTANGULAR,
                AudioFeature.LOG_MAGNITUDE, 0), null).push(null, new double[1], null))
                .isInstanceOf(IllegalStateException.class);
    }
}
