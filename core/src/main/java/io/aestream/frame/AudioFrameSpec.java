package io.aestream.frame;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * STFT framing of PCM audio: frames of {@code frameLength} samples every {@code hop} samples, windowed,
 * turned into log-magnitude or log-mel features. The noisy phase is kept for resynthesis by overlap-add.
 */
public record AudioFrameSpec(int sampleRate, int frameLength, int hop, WindowFunction window,
                             AudioFeature feature, int melBands) implements FrameSpec {

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

    public int bins() {
        return frameLength / 2 + 1;
    }

    @Override
    public int inputSize() {
        return feature == AudioFeature.LOG_MEL ? melBands : bins();
    }

    @Override
    public List<String> featureNames() {
        List<String> names = new ArrayList<>(inputSize());
        if (feature == AudioFeature.LOG_MEL) {
            for (int b = 0; b < melBands; b++) {
                names.add("mel" + b);
            }
        } else {
            for (int k = 0; k < bins(); k++) {
                names.add(Math.round((double) k * sampleRate / frameLength) + "Hz");
            }
        }
        return names;
    }

    @Override
    public String layout() {
        return "audio";
    }
}
