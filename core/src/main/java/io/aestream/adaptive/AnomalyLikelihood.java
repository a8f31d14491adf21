package io.aestream.adaptive;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Raw score stream → anomaly likelihood in [0, 1]. The short-term mean of the last scores is located in the
 * long-run distribution of short-term means (exponentially weighted Gaussian fit) and the likelihood is
 * {@code Φ(z)}: near 1 only when recent errors are far above what this stream usually produces, whatever
 * its current error level. One-sided, unlike Numenta's: an unusually good reconstruction is not a fault.
 * The long-run fit is updated after scoring, so a frame is judged against the past only.
 */
public final class AnomalyLikelihood {
    /** Neutral output during warm-up, as in Numenta's probationary period. */
    public static final double NEUTRAL = 0.5;
    /**
     * Floor on the long-run std relative to its mean: with a long short-window the means can be so steady that
     * a harmless wobble would read as many sigmas.
     */
    private static final double MIN_STD_RATIO = 0.02;

    private final LikelihoodConfig config;

    public AnomalyLikelihood(LikelihoodConfig config) {
        this.config = config;
    }

    /** Mutable per-key state: the short window (a ring) and the long-run fit. */
    public static final class State {
        private final double[] ring;
        private int next;
        private int filled;
        private final EwStats longRun;

        State(int shortWindow) {
            this(new double[shortWindow], 0, 0, new EwStats(1));
        }

        private State(double[] ring, int next, int filled, EwStats longRun) {
            this.ring = ring;
            this.next = next;
            this.filled = filled;
            this.longRun = longRun;
        }

        void writeTo(DataOutput out) throws IOException {
            Codec.writeDoubles(out, ring);
            out.writeInt(next);
            out.writeInt(filled);
            longRun.writeTo(out);
        }

        static State readFrom(DataInput in) throws IOException {
            double[] ring = Codec.readDoubles(in);
            int next = in.readInt();
            int filled = in.readInt();
            if (ring.length == 0 || next < 0 || next >= ring.length || filled < 0 || filled > ring.length) {
                throw new IllegalArgumentException("adaptive state: bad likelihood window (" + ring.length + ", " + next
                        + ", " + filled + ")");
            }
            return new State(ring, next, filled, EwStats.readFrom(in));
        }
    }

    public State newState() {
        return new State(config.shortWindow());
    }

    /** Adds {@code score} and returns the likelihood of the resulting short-term mean. */
    public double step(State s, double score) {
        s.ring[s.next] = score;
        s.next = (s.next + 1) % s.ring.length;
        s.filled = Math.min(s.filled + 1, s.ring.length);
        double sum = 0;
        for (int i = 0; i < s.filled; i++) {
            sum += s.ring[i];
        }
        double shortMean = sum / s.filled;
        double likelihood = NEUTRAL;
        if (s.longRun.count() >= config.warmupFrames()) {
            double mu = s.longRun.mean(0);
            double sigma = Math.max(Math.sqrt(s.longRun.variance(0)), Math.max(MIN_STD_RATIO * Math.abs(mu), 1e-12));
            likelihood = normalCdf((shortMean - mu) / sigma);
        }
        s.longRun.add(new double[] {shortMean}, config.longHalfLifeFrames());
        return likelihood;
    }

    public boolean flags(double likelihood) {
        return likelihood >= 1 - config.epsilon();
    }

    /** Φ(z) via erfc (Numerical Recipes' Chebyshev fit, fractional error < 1.2e-7). */
    static double normalCdf(double z) {
        return 1 - 0.5 * erfc(z / Math.sqrt(2));
    }

    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
