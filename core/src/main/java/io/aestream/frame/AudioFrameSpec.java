package io.aestream.frame;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * STFT framing of PCM audio: frames of {@code frameLength} samples every {@code hop} samples, windowed,
 * turned into log-magnitude or log-mel features. The noisy phase is kept for resynthesis by overlap-add.
 *
 * @param mask null for a model that reconstructs the features (the output replaces them); otherwise the model predicts
 *             a {@link GainMask} over them, from the inputs the mask describes
 */
public record AudioFrameSpec(int sampleRate, int frameLength, int hop, WindowFunction window,
                             AudioFeature feature, int melBands,
                             @JsonInclude(JsonInclude.Include.NON_NULL) GainMask mask) implements FrameSpec {

    public static final Set<Integer> SAMPLE_RATES = Set.of(8000, 16000, 48000);

    public AudioFrameSpec {
        if (!SAMPLE_RATES.contains(sampleRate)) {
            throw new IllegalArgumentException("sampleRate: must be one of 8000, 16000, 48000 Hz, got " + sampleRate);
        }
        if (frameLength < 16 || Integer.bitCount(frameLength) != 1) {
            throw new IllegalArgumentException("frameLength: must be a power of two >= 16, got " + frameLength);
        }
        if (hop < 1 || hop > frameLength / 2 || frameLength % hop != 0) {
            throw new IllegalArgumentException("hop: must divide frameLength=" + frameLength + " and be <= "
                    + frameLength / 2 + ", got " + hop);
        }
        if (window == null) {
            throw new IllegalArgumentException("window: required");
        }
        if (feature == null) {
            throw new IllegalArgumentException("feature: required");
        }
        if (feature == AudioFeature.LOG_MEL && (melBands < 4 || melBands > frameLength / 2)) {
            throw new IllegalArgumentException("melBands: must be in [4, " + frameLength / 2 + "] for log-mel, got " + melBands);
        }
    }

    /** A spec for a model that reconstructs the features. */
    public AudioFrameSpec(int sampleRate, int frameLength, int hop, WindowFunction window, AudioFeature feature, int melBands) {
        this(sampleRate, frameLength, hop, window, feature, melBands, null);
    }

    /** The same framing with another mask (null: reconstruction). */
    public AudioFrameSpec withMask(GainMask newMask) {
        return new AudioFrameSpec(sampleRate, frameLength, hop, window, feature, melBands, newMask);
    }

    public int bins() {
        return frameLength / 2 + 1;
    }

    /** Log features per STFT frame: mel bands or magnitude bins. */
    public int baseSize() {
        return feature == AudioFeature.LOG_MEL ? melBands : bins();
    }

    @Override
    public int inputSize() {
        return mask == null ? baseSize() : mask.inputSize(baseSize());
    }

    @Override
    public int outputSize() {
        return baseSize();
    }

    /**
     * The current frame's feature names first (so a per-output index names its band), then for a mask model the
     * previous frames ({@code t-1:…}), the deltas ({@code d:…}) and the noise estimate ({@code noise:…}).
     */
    @Override
    public List<String> featureNames() {
        List<String> base = new ArrayList<>(baseSize());
        if (feature == AudioFeature.LOG_MEL) {
            for (int b = 0; b < melBands; b++) {
                base.add("mel" + b);
            }
        } else {
            for (int k = 0; k < bins(); k++) {
                base.add(Math.round((double) k * sampleRate / frameLength) + "Hz");
            }
        }
        if (mask == null) {
            return base;
        }
        List<String> names = new ArrayList<>(base);
        for (int lag = 1; lag <= mask.context(); lag++) {
            for (String b : base) {
                names.add("t-" + lag + ":" + b);
            }
        }
        if (mask.deltas()) {
            base.forEach(b -> names.add("d:" + b));
        }
        if (mask.noiseEstimate()) {
            base.forEach(b -> names.add("noise:" + b));
        }
        return names;
    }

    @Override
    public String layout() {
        return "audio";
    }
}
