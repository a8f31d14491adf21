package io.aestream.trainer.data;

/**
 * Mono audio as samples in [-1, 1] (PCM16 / 32768).
 *
 * @param sampleRate samples per second
 */
public record WavAudio(int sampleRate, double[] samples) {
    public WavAudio {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sampleRate: must be > 0, got " + sampleRate);
        }
    }
}
