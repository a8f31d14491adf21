package io.aestream.trainer.train;

import io.aestream.trainer.model.AutoencoderSpec;
import io.aestream.trainer.model.Corruption;

/**
 * What an autoencoder kind adds to plain reconstruction: a penalty on the code and/or a corruption of the
 * training inputs. A stacked autoencoder uses its layer objective for every layer and for fine-tuning.
 *
 * @param penalty    added to the reconstruction loss on training batches
 * @param corruption applied to training inputs only; null for none
 */
record Objective(Penalty penalty, Corruption corruption) {

    static Objective of(AutoencoderSpec spec) {
        if (spec instanceof AutoencoderSpec.Stacked s) {
            return of(s.layerObjective());
        }
        if (spec instanceof AutoencoderSpec.Sparse s) {
            return new Objective(new Penalty.L1(s.l1()), null);
        }
        if (spec instanceof AutoencoderSpec.Contractive c) {
            return new Objective(new Penalty.Contractive(c.lambda()), null);
        }
        if (spec instanceof AutoencoderSpec.Denoising d) {
            return new Objective(new Penalty.None(), d.corruption());
        }
        return new Objective(new Penalty.None(), null);
    }

    /** A regulariser of the code h = f(x), weighted by λ. */
    sealed interface Penalty {
        record None() implements Penalty {
        }

        /** §14.2.1: λ · mean over the batch of Σᵢ |hᵢ|. */
        record L1(double lambda) implements Penalty {
        }

        /** §14.7: λ · mean over the batch of ‖∂h/∂x‖²_F. */
        record Contractive(double lambda) implements Penalty {
        }
    }
}
