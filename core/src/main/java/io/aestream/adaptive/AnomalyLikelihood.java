package io.aestream.adaptive;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Raw score stream → log-scaled anomaly likelihood in [0, 1). The mean of the last {@code shortWindow} scores is
 * located in the distribution of short-window means over the long window (the last {@code longWindowFrames}
 * frames, kept as block means; Gaussian fit with floors on the spread), giving the upper tail probability
 * Q = 1 − Φ(z). The output is λ = s / (1 + s) with s = −log10 Q: 0.5 at Q = 0.1, 0.75 at 1e-3, 0.9 at 1e-9,
 * 0.99 at 1e-99, strictly increasing in z and never 1 — computed from log Q directly, so the far tail, where
 * Numenta's likelihood rounds to 1, stays ordered. One-sided, unlike Numenta's: an unusually good reconstruction
 * is not a fault. A frame is judged against the reference before it; during warm-up the output is the neutral
 * value of z = 0. Numenta's redundancy filter is the detector's alert suppression.
 */
public final class AnomalyLikelihood {
    /** Output at z = 0 (Q = 0.5), also the warm-up value, as Numenta's probationary period outputs 0.5. */
    public static final double NEUTRAL = scaled(Math.log10(2));
    /**
     * Floor on the reference std relative to its mean (Numenta floors the variance): with long short-windows the
     * means can be so steady that a harmless wobble would read as many sigmas.
     */
    static final double MIN_STD_RATIO = 0.05;
    private static final double MIN_STD = 1e-9;

    private final LikelihoodConfig config;
    private final double flagLevel;

    public AnomalyLikelihood(LikelihoodConfig config) {
        this.config = config;
        this.flagLevel = scaled(-Math.log10(config.epsilon()));
    }

    /** Mutable per-key state: the short window, the block being filled and the long window of block means. */
    public static final class State {
        private final ScoreRing recent;
        private final ScoreRing blocks;
        private double blockSum;
        private int blockCount;

        State(LikelihoodConfig config) {
            this(new ScoreRing(config.shortWindow()), new ScoreRing(config.longBlocks()), 0, 0);
        }

        private State(ScoreRing recent, ScoreRing blocks, double blockSum, int blockCount) {
            this.recent = recent;
            this.blocks = blocks;
            this.blockSum = blockSum;
            this.blockCount = blockCount;
        }

        void writeTo(DataOutput out) throws IOException {
            recent.writeTo(out);
            blocks.writeTo(out);
            out.writeDouble(blockSum);
            out.writeInt(blockCount);
        }

        static State readFrom(DataInput in) throws IOException {
            return new State(ScoreRing.readFrom(in), ScoreRing.readFrom(in), in.readDouble(), in.readInt());
        }
    }

    public State newState() {
        return new State(config);
    }

    /** Adds {@code score} and returns the likelihood of the resulting short-term mean. */
    public double step(State s, double score) {
        s.recent.add(score);
        double likelihood = NEUTRAL;
        if ((long) s.blocks.size() * config.shortWindow() >= config.warmupFrames()) {
            double mu = s.blocks.mean();
            double sigma = Math.max(Math.sqrt(s.blocks.variance(mu)), Math.max(MIN_STD_RATIO * Math.abs(mu), MIN_STD));
            likelihood = scaled(-log10UpperTail((s.recent.mean() - mu) / sigma));
        }
        s.blockSum += score;
        if (++s.blockCount == config.shortWindow()) {
            s.blocks.add(s.blockSum / config.shortWindow());
            s.blockSum = 0;
            s.blockCount = 0;
        }
        return likelihood;
    }

    /** Whether {@code likelihood} means a tail probability at or below epsilon. */
    public boolean flags(double likelihood) {
        return likelihood >= flagLevel;
    }

    /** s ↦ s / (1 + s): bounded, order-preserving. */
    static double scaled(double s) {
        return s / (1 + s);
    }

    /**
     * log10 of Q(z) = 1 − Φ(z), via erfc (Numerical Recipes' Chebyshev fit, fractional error < 1.2e-7 everywhere),
     * taking the logarithm before the exponential so that no z underflows.
     */
    static double log10UpperTail(double z) {
        double x = z / Math.sqrt(2);
        double ax = Math.abs(x);
        double t = 1 / (1 + 0.5 * ax);
        double logErfc = Math.log(t) - ax * ax - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277))))))));
        double logQ = x >= 0 ? Math.log(0.5) + logErfc : Math.log1p(-0.5 * Math.exp(logErfc));
        return logQ / Math.log(10);
    }
}
