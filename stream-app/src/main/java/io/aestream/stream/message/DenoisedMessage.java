package io.aestream.stream.message;

/**
 * A value on the denoised topic for the vector and window layouts (audio goes out as PCM16 chunks).
 *
 * @param values the reconstruction in raw units: the whole frame (vector), or the window's last row (window)
 */
public record DenoisedMessage(long ts, String key, String modelVersion, double[] values) { }
