package io.aestream.adaptive;

/**
 * Anomaly likelihood (after Numenta's HTM anomaly likelihood): the mean of the last {@code shortWindow} scores
 * is located in the distribution of such means over the last {@code longWindowFrames} frames (a sliding window of
 * block means, so an anomaly leaves the reference once it has slid out, instead of lingering in an exponential fit);
 * the tail probability of a Gaussian fitted to that window is reported log-scaled so that the far tail stays ordered.
 *
 * @param shortWindow      scores averaged into the short-term mean (1 = the raw score); also the block length of
 *                         the long window
 * @param longWindowFrames frames the reference distribution spans (at least 2 blocks)
 * @param warmupFrames     frames before the likelihood leaves its neutral value (at least 2 blocks of reference)
 * @param epsilon          the {@code LIKELIHOOD} flag rule flags when the Gaussian tail probability is <= epsilon
 */
public record LikelihoodConfig(int shortWindow, int longWindowFrames, int warmupFrames, double epsilon) {

    public LikelihoodConfig {
        Validate.atLeast("likelihood.shortWindow", shortWindow, 1);
        Validate.atLeast("likelihood.longWindowFrames", longWindowFrames, 2.0 * shortWindow);
        Validate.inRange("likelihood.warmupFrames", warmupFrames, 2.0 * shortWindow, longWindowFrames);
        Validate.openRange("likelihood.epsilon", epsilon, 0, 1);
    }

    public static LikelihoodConfig defaults() {
        return new LikelihoodConfig(10, 2000, 300, 1e-4);
    }

    /** Block means the long window holds. */
    int longBlocks() {
        return longWindowFrames / shortWindow;
    }
}
