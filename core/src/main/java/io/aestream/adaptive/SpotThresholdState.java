package io.aestream.adaptive;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * {@link SpotThresholdConfig}'s per-key state: during calibration the first scores (and, for DSPOT, the drift
 * window); afterwards the initial threshold t, the newest excesses over it, the counts n (normal scores) and N_t
 * (scores above t) that estimate the exceedance rate, and the alarm level z_q refitted after every new excess.
 */
final class SpotThresholdState implements ThresholdState {
    static final byte TAG = 2;

    private final SpotThresholdConfig config;
    private final ScoreRing calibration;
    private final ScoreRing peaks;
    private final ScoreRing drift;
    private boolean fitted;
    private double initial;
    private double alarm;
    private long normal;
    private long exceedances;
    /** The observed score relative to the drift level, and that level. */
    private double x;
    private double level;
    private double score;

    SpotThresholdState(SpotThresholdConfig config) {
        this(config, new ScoreRing(config.calibrationFrames()), new ScoreRing(config.maxPeaks()),
                new ScoreRing(Math.max(1, config.driftWindow())));
    }

    private SpotThresholdState(SpotThresholdConfig config, ScoreRing calibration, ScoreRing peaks, ScoreRing drift) {
        this.config = config;
        this.calibration = calibration;
        this.peaks = peaks;
        this.drift = drift;
    }

    @Override
    public void observe(double s) {
        score = s;
        level = config.driftWindow() > 0 && drift.size() > 0 ? drift.mean() : 0;
        x = s - level;
    }

    @Override
    public boolean ready() {
        return fitted;
    }

    @Override
    public double threshold() {
        return fitted ? alarm + level : Double.NaN;
    }

    @Override
    public boolean exceeded() {
        return fitted && x > alarm;
    }

    @Override
    public void learn(boolean flagged) {
        if (!fitted) {
            if (config.driftWindow() > 0 && !drift.full()) {
                drift.add(score);
                return;
            }
            calibration.add(x);
            drift.add(score);
            if (calibration.full()) {
                calibrate();
            }
            return;
        }
        if (flagged || exceeded()) {
            // censored at the alarm level: the count keeps the exceedance rate right and a run of alarms cannot thin
            // the tail estimate, while the anomaly's own size never enters the fit (nor the drift level)
            learnExcess(alarm);
            return;
        }
        drift.add(score);
        if (x > initial) {
            learnExcess(x);
        } else {
            normal++;
        }
    }

    private void learnExcess(double value) {
        normal++;
        exceedances++;
        peaks.add(value - initial);
        alarm = alarm();
    }

    /** SPOT's initialisation: t at the initial quantile of the calibration scores, the excesses over it, a first fit. */
    private void calibrate() {
        double[] sorted = calibration.toArray();
        Arrays.sort(sorted);
        initial = sorted[Math.min(sorted.length - 1, (int) Math.floor(config.initialQuantile() * sorted.length))];
        for (double v : sorted) {
            if (v > initial) {
                peaks.add(v - initial);
                exceedances++;
            }
        }
        normal = sorted.length;
        fitted = true;
        alarm = alarm();
    }

    /**
     * z_q = t + σ/γ ((q n / N_t)^(−γ) − 1), or t − σ ln(q n / N_t) when γ = 0, with the generalized Pareto
     * parameters of the excesses by the method of moments: γ = (1 − m²/v) / 2, σ = m (1 + m²/v) / 2.
     */
    private double alarm() {
        if (peaks.size() < 2) {
            return initial + (peaks.size() == 1 ? peaks.last() : 0);
        }
        double m = peaks.mean();
        double v = peaks.variance(m) * peaks.size() / (peaks.size() - 1);
        double ratio = config.risk() * normal / exceedances;
        if (!(v > 0) || !(m > 0)) {
            return initial + Math.max(m, 0) * Math.log(1 / Math.min(ratio, 1));
        }
        double gamma = 0.5 * (1 - m * m / v);
        double sigma = 0.5 * m * (1 + m * m / v);
        if (Math.abs(gamma) < 1e-9) {
            return initial - sigma * Math.log(ratio);
        }
        return initial + sigma / gamma * (Math.pow(ratio, -gamma) - 1);
    }

    @Override
    public byte tag() {
        return TAG;
    }

    @Override
    public void writeTo(DataOutput out) throws IOException {
        out.writeDouble(config.risk());
        out.writeDouble(config.initialQuantile());
        out.writeInt(config.calibrationFrames());
        out.writeInt(config.maxPeaks());
        out.writeInt(config.driftWindow());
        out.writeBoolean(fitted);
        out.writeDouble(initial);
        out.writeDouble(alarm);
        out.writeLong(normal);
        out.writeLong(exceedances);
        (fitted ? new ScoreRing(1) : calibration).writeTo(out);
        peaks.writeTo(out);
        drift.writeTo(out);
    }

    static SpotThresholdState readFrom(DataInput in) throws IOException {
        SpotThresholdConfig config = new SpotThresholdConfig(in.readDouble(), in.readDouble(), in.readInt(), in.readInt(),
                in.readInt());
        boolean fitted = in.readBoolean();
        double initial = in.readDouble();
        double alarm = in.readDouble();
        long normal = in.readLong();
        long exceedances = in.readLong();
        ScoreRing calibration = ScoreRing.readFrom(in);
        SpotThresholdState s = new SpotThresholdState(config, fitted ? new ScoreRing(config.calibrationFrames()) : calibration,
                ScoreRing.readFrom(in), ScoreRing.readFrom(in));
        s.fitted = fitted;
        s.initial = initial;
        s.alarm = alarm;
        s.normal = normal;
        s.exceedances = exceedances;
        return s;
    }
}
