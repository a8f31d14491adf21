package io.aestream.trainer.calibrate;

import io.aestream.scoring.ColumnSpec;
import io.aestream.scoring.Distribution;
import io.aestream.scoring.InputColumns;
import io.aestream.scoring.Threshold;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The least threshold a table's data supports: the score of a reconstruction that is off by only the measurement
 * noise. Per monitored Gaussian column the noise variance is estimated from consecutive training rows
 * (σ̂ = 1.4826 · median |xₜ − xₜ₋₁| / √2, robust to level changes and spikes), in the column's normalized units;
 * the floor is their sum over the monitored columns' count, the unit of the score. A model that reproduces its
 * training rows almost exactly (noise included) would otherwise get a threshold far below what ordinary noise
 * scores later.
 */
public final class NoiseFloor {
    private NoiseFloor() {
    }

    /** @param rows raw training rows, one value per column of {@code columns} */
    public static double of(double[][] rows, InputColumns columns) {
        List<ColumnSpec> cols = columns.columns();
        double sum = 0;
        int monitored = 0;
        for (int j = 0; j < cols.size(); j++) {
            ColumnSpec c = cols.get(j);
            if (!c.monitored()) {
                continue;
            }
            monitored++;
            if (c.type() == Distribution.GAUSSIAN && rows.length > 1) {
                double[] diff = new double[rows.length - 1];
                for (int t = 1; t < rows.length; t++) {
                    diff[t - 1] = Math.abs(rows[t][j] - rows[t - 1][j]);
                }
                double sigma = 1.4826 * Calibrator.quantile(diff, 0.5) / Math.sqrt(2) / c.scaling().scale();
                sum += sigma * sigma;
            }
        }
        return sum / monitored;
    }

    /** {@code t} raised to {@code floor} when below it; the parameters record the floor and what was calibrated. */
    public static Threshold apply(Threshold t, double floor) {
        if (!(floor > 0)) {
            return t;
        }
        Map<String, Double> p = new LinkedHashMap<>(t.parameters());
        p.put("noise_floor", floor);
        if (t.value() >= floor) {
            return new Threshold(t.value(), t.method(), p);
        }
        p.put("calibrated", t.value());
        return new Threshold(floor, t.method(), p);
    }
}
