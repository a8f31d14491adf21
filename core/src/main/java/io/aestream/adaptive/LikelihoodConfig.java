package io.aestream.adaptive;

/**
 * Anomaly likelihood (after Numenta's HTM anomaly likelihood): the mean of the last {@code shortWindow} scores
 * is compared with the long-run distribution of such means (exponentially weighted mean and variance with
 * half-life {@code longHalfLifeFrames}); the likelihood is the Gaussian probability that a mean is below the
 * current one, so 1 means "far above anything recent".
 *
 * @param shortWindow        scores averaged into the short-term mean (1 = the raw score)
 * @param longHalfLifeFrames half-life of the long-run mean/variance, in frames
 * @param warmupFrames       frames before the likelihood leaves its neutral value 0.5
 * @param epsilon            the {@code LIKELIHOOD} flag rule flags when likelihood >= 1 - epsilon
 */
public record LikelihoodConfig(int shortWindow, double longHalfLifeFrames, int warmupFrames, double epsilon) {

    public LikelihoodConfig {
        Validate.atLeast("likelihood.shortWindow", shortWindow, 1);
        Validate.atLeast("likelihood.longHalfLifeFrames", longHalfLifeFrames, 1);
        Validate.atLeast("likelihood.warmupFrames", warmupFrames, 2);
        Validate.openRange("likelihood.epsilon", epsilon, 0, 1);
    }

    public static LikelihoodConfig defaults() {
        return new LikelihoodConfig(5, 1000, 200, 1e-3);
    }
}
