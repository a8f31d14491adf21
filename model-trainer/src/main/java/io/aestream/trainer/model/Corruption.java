package io.aestream.trainer.model;

import java.util.List;

/** The corruption process C(x̃ | x) of a denoising autoencoder; applied in training only. */
public sealed interface Corruption {
    /** x̃ = x + N(0, σ²) on the normalized features. */
    record Gaussian(double sigma) implements Corruption {
        public Gaussian {
            if (!(sigma > 0)) {
                throw new IllegalArgumentException("corruption sigma: must be > 0, got " + sigma);
            }
        }
    }

    /** Each feature set to 0 with probability {@code fraction}. */
    record Masking(double fraction) implements Corruption {
        public Masking {
            requireFraction(fraction);
        }
    }

    /** Each feature set to its training minimum or maximum (each with probability fraction/2). */
    record SaltAndPepper(double fraction) implements Corruption {
        public SaltAndPepper {
            requireFraction(fraction);
        }
    }

    /**
     * Audio: the clean signal mixed with a random stretch of a noise recording at a random SNR in
     * [snrMinDb, snrMaxDb]. The mixing happens on the waveform, so the trainer gets the noisy frames from
     * {@link io.aestream.trainer.train.TrainingSet#noisySource()}.
     */
    record Recordings(List<String> noiseFiles, double snrMinDb, double snrMaxDb) implements Corruption {
        public Recordings {
            if (noiseFiles == null || noiseFiles.isEmpty()) {
                throw new IllegalArgumentException("corruption noiseFiles: at least one noise recording is required");
            }
            noiseFiles = List.copyOf(noiseFiles);
            if (!(snrMaxDb >= snrMinDb)) {
                throw new IllegalArgumentException("corruption snr range: max " + snrMaxDb + " must be >= min " + snrMinDb);
            }
        }
    }

    private static void requireFraction(double f) {
        if (!(f > 0 && f < 1)) {
            throw new IllegalArgumentException("corruption fraction: must be in (0, 1), got " + f);
        }
    }
}
