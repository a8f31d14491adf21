package io.aestream.enhance;

import io.aestream.frame.AudioProcessor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The Wiener filter and spectral subtraction on signals whose clean part is known. */
class ClassicalEnhancementTest {
    private static final int RATE = 8000;

    private static BiFunction<Integer, Double, SpectralGain> rule(String name) {
        return name.equals("wiener") ? WienerFilter::new : SpectralSubtraction::new;
    }

    /** A 1 kHz tone (a bin centre) switched on and off every 0.5 s: speech-like pauses for the noise tracker. */
    private static double[] gatedTone(int n, double amplitude) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            boolean on = (i / (RATE / 2)) % 2 == 0;
            x[i] = on ? amplitude * Math.sin(2 * Math.PI * 1000 * i / RATE) : 0;
        }
        return x;
    }

    private static double[] tail(double[] x, int from) {
        return Arrays.copyOfRange(x, from, x.length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wiener", "spectral-subtraction"})
    void shouldAttenuateStationaryNoiseAloneByAtLeastTwelveDecibels(String name) {
        double[] noise = Spectra.white(RATE * 10, 0.05, 4);

        double[] out = new AudioProcessor(Spectra.SPEC, null).enhance(noise, rule(name).apply(129, Spectra.HOP_SECONDS));

        assertThat(out).hasSize(noise.length);
        double reductionDb = 10 * Math.log10(Spectra.power(tail(noise, RATE * 2)) / Spectra.power(tail(out, RATE * 2)));
        assertThat(reductionDb).as(name).isGreaterThan(12);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wiener", "spectral-subtraction"})
    void shouldKeepAGatedToneAndRaiseTheSnrOfItsMixtureWithWhiteNoiseByTenDecibels(String name) {
        double[] clean = gatedTone(RATE * 10, 0.1);
        double[] noise = Spectra.white(clean.length, 0.05, 5);
        double[] noisy = new double[clean.length];
        Arrays.setAll(noisy, i -> clean[i] + noise[i]);

        double[] out = new AudioProcessor(Spectra.SPEC, null).enhance(noisy, rule(name).apply(129, Spectra.HOP_SECONDS));

        int from = RATE * 2;
        double[] c = tail(clean, from);
        double before = snrDb(c, tail(noisy, from));
        double after = snrDb(c, tail(out, from));
        assertThat(after - before).as("%s: %.2f dB → %.2f dB", name, before, after).isGreaterThan(10.0);
        double projection = dot(tail(out, from), c) / dot(c, c);
        assertThat(projection).as("share of the tone kept").isGreaterThan(0.85);
    }

    @Test
    void shouldOverSubtractAsBeroutiRecommends() {
        assertThat(SpectralSubtraction.overSubtraction(-10)).isEqualTo(4.75);
        assertThat(SpectralSubtraction.overSubtraction(0)).isEqualTo(4.0);
        assertThat(SpectralSubtraction.overSubtraction(10)).isCloseTo(2.5, within(1e-12));
        assertThat(SpectralSubtraction.overSubtraction(30)).isEqualTo(1.0);
    }

    private static double snrDb(double[] clean, double[] estimate) {
        double err = 0;
        for (int i = 0; i < clean.length; i++) {
            err += (estimate[i] - clean[i]) * (estimate[i] - clean[i]);
        }
        return 10 * Math.log10(dot(clean, clean) / err);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
