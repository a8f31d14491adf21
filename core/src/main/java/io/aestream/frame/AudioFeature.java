package io.aestream.frame;

/** What the model sees of each STFT frame. */
public enum AudioFeature {
    /** log(|X_k| + ε) for k = 0 … N/2: invertible, so denoising resynthesizes from the reconstruction. */
    LOG_MAGNITUDE,
    /** log(mel filterbank · |X| + ε): compact; denoising applies the reconstructed/noisy ratio as a gain. */
    LOG_MEL
}
