package io.aestream.adaptive;

/**
 * One frame through {@link AdaptiveDetector#step}.
 *
 * @param frameIndex      0-based index of the frame in its key's stream
 * @param ts              the frame's timestamp (ms), passed through
 * @param score           mean per-feature reconstruction NLL, in (rolling-)normalized units
 * @param likelihood      log-scaled anomaly likelihood in [0, 1) ({@link AnomalyLikelihood}; its neutral value during
 *                        warm-up)
 * @param threshold       the threshold in force: the bundle's under {@link FlagRule#FIXED_THRESHOLD} or during warm-up,
 *                        else the adaptive one (for the dynamic kind it applies to the smoothed score; under
 *                        {@link FlagRule#LIKELIHOOD} for information only)
 * @param anomaly         the flag per the configured {@link FlagRule}, after alert suppression
 * @param normalizedFrame the frame as the network saw it
 * @param featureErrors   per-feature NLL terms
 * @param reconstruction  the reconstruction in raw units (the denoised frame)
 * @param modelVersion    bundle version, with {@code +ft<k>} after k accepted fine-tunes
 * @param fineTune        the fine-tune decided before this frame (accepted or not), else null
 */
public record AdaptiveResult(long frameIndex, long ts, double score, double likelihood, double threshold, boolean anomaly,
                             double[] normalizedFrame, double[] featureErrors, double[] reconstruction,
                             String modelVersion, FineTuneOutcome fineTune) {
}
