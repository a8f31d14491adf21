package io.aestream.trainer.eval.early;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Deterministic multichannel sensor series with the nuisances real plants show and the faults they hide:
 * six channels driven by two latent factors (a seasonal cycle and a slow AR(1) load), plus
 * <ul>
 *   <li>slow per-channel drift (linear wear plus a slow wave): not a fault, not labelled;</li>
 *   <li>a seasonality change (period and amplitude of the cycle) part-way: not labelled;</li>
 *   <li>a sensor noise change (one channel's noise triples): not labelled;</li>
 *   <li>faults: abrupt level shifts of one channel that break the cross-channel structure for 30–80 rows,
 *       labelled.</li>
 * </ul>
 * The first {@link Series#trainRows()} rows are fault-free and drift-light: what a model would be fitted on.
 */
public final class SyntheticDriftSuite {
    public static final int CHANNELS = 6;
    static final int FAULTS = 6;
    static final double TRAIN_SHARE = 0.15;

    private SyntheticDriftSuite() {
    }

    public record Series(double[][] frames, boolean[] labels, int trainRows) {

        /** As CSV: {@code ts,x0..x5,label}, ts the row index; doubles as Java prints them, so they parse back exactly. */
        public Path writeCsv(Path file) throws IOException {
            StringBuilder csv = new StringBuilder("ts");
            for (int j = 0; j < CHANNELS; j++) {
                csv.append(",x").append(j);
            }
            csv.append(",label\n");
            for (int t = 0; t < frames.length; t++) {
                csv.append(t);
                for (double v : frames[t]) {
                    csv.append(',').append(v);
                }
                csv.append(',').append(labels[t] ? 1 : 0).append('\n');
            }
            return Files.writeString(file, csv);
        }
    }

    public static Series generate(long seed, int length) {
        Random r = new Random(seed);
        double[][] loadings = new double[CHANNELS][2];
        double[] slope = new double[CHANNELS];
        double[] wave = new double[CHANNELS];
        double[] noise = new double[CHANNELS];
        for (int j = 0; j < CHANNELS; j++) {
            loadings[j][0] = r.nextGaussian();
            loadings[j][1] = r.nextGaussian();
            slope[j] = (2 * r.nextDouble() - 1) * 3.0 / length;
            wave[j] = 0.6 * r.nextDouble();
            noise[j] = 0.15;
        }
        int trainRows = (int) (TRAIN_SHARE * length);
        int seasonChange = trainRows + (int) ((0.25 + 0.3 * r.nextDouble()) * (length - trainRows));
        int noiseChange = trainRows + (int) ((0.3 + 0.4 * r.nextDouble()) * (length - trainRows));
        int noisyChannel = r.nextInt(CHANNELS);
        double[] offset = new double[length * CHANNELS];
        boolean[] labels = new boolean[length];
        int slot = (length - trainRows) / FAULTS;
        for (int k = 0; k < FAULTS; k++) {
            int start = trainRows + k * slot + 50 + r.nextInt(slot - 200);
            int duration = 30 + r.nextInt(51);
            int channel = r.nextInt(CHANNELS);
            double shift = (r.nextBoolean() ? 1 : -1) * (0.8 + 0.6 * r.nextDouble());
            for (int t = start; t < start + duration; t++) {
                offset[t * CHANNELS + channel] = shift;
                labels[t] = true;
            }
        }
        double[][] frames = new double[length][CHANNELS];
        double load = 0;
        double phase = 0;
        for (int t = 0; t < length; t++) {
            boolean newSeason = t >= seasonChange;
            phase += 2 * Math.PI / (newSeason ? 80 : 50);
            double season = (newSeason ? 1.6 : 1.0) * Math.sin(phase);
            load = 0.98 * load + Math.sqrt(1 - 0.98 * 0.98) * r.nextGaussian();
            for (int j = 0; j < CHANNELS; j++) {
                double drift = slope[j] * t + wave[j] * Math.sin(2 * Math.PI * t / (0.7 * length) + j);
                double sigma = t >= noiseChange && j == noisyChannel ? 3 * noise[j] : noise[j];
                frames[t][j] = loadings[j][0] * season + loadings[j][1] * load + drift + offset[t * CHANNELS + j]
                        + sigma * r.nextGaussian();
            }
        }
        return new Series(frames, labels, trainRows);
    }
}
