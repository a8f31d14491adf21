package io.aestream.enhance;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MinimumStatisticsTest {

    /** Mean over bins 5..120 and the frames from {@code from} on of estimate / truth, in dB. */
    private static double meanErrorDb(double[][] mags, double truth, int from, int to) {
        MinimumStatistics ms = new MinimumStatistics(mags[0].length, Spectra.HOP_SECONDS);
        double[] power = new double[mags[0].length];
        double[] noise = new double[power.length];
        double sum = 0;
        int count = 0;
        for (int t = 0; t < to; t++) {
            for (int k = 0; k < power.length; k++) {
                power[k] = mags[t][k] * mags[t][k];
            }
            ms.update(power, noise);
            if (t >= from) {
                for (int k = 5; k <= 120; k++) {
                    sum += 10 * Math.log10(noise[k] / truth);
                    count++;
                }
            }
        }
        return sum / count;
    }

    @Test
    void shouldEstimateTheNoisePowerOfStationaryWhiteNoiseWithinHalfADecibel() {
        double[][] mags = Spectra.magnitudes(Spectra.white(8000 * 20, 0.05, 1));

        double errorDb = meanErrorDb(mags, Spectra.whitePower(0.05), 200, mags.length);

        assertThat(errorDb).isCloseTo(0.0, within(0.5));
    }

    @Test
    void shouldFollowANoiseFloorThatRisesTenDecibelsWithinTwoWindows() {
        double[] x = Spectra.white(8000 * 12, 0.02, 2);
        for (int i = 8000 * 4; i < x.length; i++) {
            x[i] *= Math.sqrt(10);
        }
        double[][] mags = Spectra.magnitudes(x);
        int step = 8000 * 4 / 128;
        int settled = step + (int) Math.ceil(2 * MinimumStatistics.WINDOW_SECONDS / Spectra.HOP_SECONDS);

        double errorDb = meanErrorDb(mags, Spectra.whitePower(0.02) * 10, settled, mags.length);

        assertThat(errorDb).isCloseTo(0.0, within(1.5));
    }

    @Test
    void shouldContinueIdenticallyAfterARoundTripOfItsState() {
        double[][] mags = Spectra.magnitudes(Spectra.white(8000 * 3, 0.1, 3));
        MinimumStatistics a = new MinimumStatistics(129, Spectra.HOP_SECONDS);
        double[] power = new double[129];
        double[] na = new double[129];
        double[] nb = new double[129];
        MinimumStatistics b = null;
        for (int t = 0; t < mags.length; t++) {
            for (int k = 0; k < 129; k++) {
                power[k] = mags[t][k] * mags[t][k];
            }
            a.update(power, na);
            if (t == 77) {
                ByteBuffer buf = ByteBuffer.allocate(a.byteSize());
                a.write(buf);
                buf.flip();
                b = new MinimumStatistics(129, Spectra.HOP_SECONDS);
                b.read(buf);
            } else if (b != null) {
                b.update(power, nb);
                assertThat(nb).containsExactly(na);
            }
        }
    }
}
