package io.aestream.frame;

/**
 * Builds a {@link GainMask} model's input for one frame and advances the stream's causal memory in its
 * {@link AudioState}: z_t = log features − running per-band mean (the mean starts at the first frame and follows with
 * time constant {@link GainMask#normalizationSeconds}), then z of the {@code context} previous frames (zeros before
 * the stream started), then z_t − z_{t−1} if deltas are on, then the log of the minimum-statistics noise magnitude
 * minus the same mean if the noise estimate is on. Every part shifts with the input level as the mean does, so the
 * input does not depend on the level.
 */
final class MaskInputs {
    private final GainMask mask;
    private final Stft stft;
    private final int base;
    private final double decay;
    private final double[] power;
    private final double[] noisePower;
    private final double[] noiseMagnitude;
    private final double[] noiseFeatures;

    MaskInputs(AudioFrameSpec spec, Stft stft) {
        this.mask = spec.mask();
        this.stft = stft;
        this.base = spec.baseSize();
        this.decay = Math.exp(-(double) spec.hop() / spec.sampleRate() / mask.normalizationSeconds());
        this.power = new double[spec.bins()];
        this.noisePower = new double[spec.bins()];
        this.noiseMagnitude = new double[spec.bins()];
        this.noiseFeatures = new double[base];
    }

    /** Writes the input for {@code features} (this frame's log features) into {@code out} and updates {@code st}. */
    void build(AudioState st, double[] features, double[] magnitude, double[] out) {
        double[] mean = st.mean;
        for (int b = 0; b < base; b++) {
            mean[b] = st.frames == 0 ? features[b] : decay * mean[b] + (1 - decay) * features[b];
            out[b] = features[b] - mean[b];
        }
        double[] history = st.history;
        int offset = base;
        System.arraycopy(history, 0, out, offset, mask.context() * base);
        offset += mask.context() * base;
        if (mask.deltas()) {
            for (int b = 0; b < base; b++) {
                out[offset + b] = st.frames == 0 ? 0 : out[b] - history[b];
            }
            offset += base;
        }
        if (mask.noiseEstimate()) {
            for (int k = 0; k < power.length; k++) {
                power[k] = magnitude[k] * magnitude[k];
            }
            st.noise.update(power, noisePower);
            for (int k = 0; k < power.length; k++) {
                noiseMagnitude[k] = Math.sqrt(noisePower[k]);
            }
            stft.logFeatures(noiseMagnitude, noiseFeatures);
            for (int b = 0; b < base; b++) {
                out[offset + b] = noiseFeatures[b] - mean[b];
            }
        }
        if (history.length > 0) {
            System.arraycopy(history, 0, history, base, history.length - base);
            System.arraycopy(out, 0, history, 0, base);
        }
    }
}
