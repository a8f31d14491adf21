package io.aestream.trainer.model;

/**
 * The autoencoders of Goodfellow, Bengio &amp; Courville ch. 14, one record each. Every kind has an
 * {@link Architecture}; the kind adds the objective that defines it.
 */
public sealed interface AutoencoderSpec {

    Architecture architecture();

    /** CLI/manifest name: undercomplete, sparse, denoising, contractive, stacked. */
    String kind();

    /** §14.1: code smaller than the input; with linear units and MSE it spans the PCA subspace. */
    record Undercomplete(Architecture architecture) implements AutoencoderSpec {
        @Override
        public String kind() {
            return "undercomplete";
        }
    }

    /** §14.2.1: L1 penalty λ Σ|hᵢ| on the code. */
    record Sparse(Architecture architecture, double l1) implements AutoencoderSpec {
        public Sparse {
            if (!(l1 >= 0)) {
                throw new IllegalArgumentException("l1: must be >= 0, got " + l1);
            }
        }

        @Override
        public String kind() {
            return "sparse";
        }
    }

    /** §14.2.2/§14.5: trained to restore x from x̃ ~ C(x̃ | x). */
    record Denoising(Architecture architecture, Corruption corruption) implements AutoencoderSpec {
        public Denoising {
            if (corruption == null) {
                throw new IllegalArgumentException("corruption: required for a denoising autoencoder");
            }
        }

        @Override
        public String kind() {
            return "denoising";
        }
    }

    /** §14.7: penalty λ Σᵢ ‖∇ₓ hᵢ‖², the squared Frobenius norm of the encoder Jacobian. */
    record Contractive(Architecture architecture, double lambda) implements AutoencoderSpec {
        public Contractive {
            if (!(lambda >= 0)) {
                throw new IllegalArgumentException("lambda: must be >= 0, got " + lambda);
            }
        }

        @Override
        public String kind() {
            return "contractive";
        }
    }

    /**
     * §15.1: greedy layer-wise training of shallow autoencoders, each with {@code layerObjective}
     * (an {@link Undercomplete}, {@link Sparse}, {@link Denoising} or {@link Contractive} whose architecture is
     * ignored), stacked, then fine-tuned end to end.
     */
    record Stacked(Architecture architecture, AutoencoderSpec layerObjective, int pretrainEpochs) implements AutoencoderSpec {
        public Stacked {
            if (layerObjective == null || layerObjective instanceof Stacked) {
                throw new IllegalArgumentException("layerObjective: must be undercomplete, sparse, denoising or contractive, got "
                        + layerObjective);
            }
            if (pretrainEpochs < 1) {
                throw new IllegalArgumentException("pretrainEpochs: must be >= 1, got " + pretrainEpochs);
            }
        }

        @Override
        public String kind() {
            return "stacked";
        }
    }
}
