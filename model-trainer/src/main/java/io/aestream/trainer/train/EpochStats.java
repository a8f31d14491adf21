package io.aestream.trainer.train;

/**
 * Loss after one epoch of one training phase. {@code trainLoss} is the objective (reconstruction + penalty, on
 * freshly corrupted inputs for a denoising objective) over all training rows; {@code validationLoss} is the
 * plain reconstruction loss (mean per-feature NLL, the anomaly score's unit) over the validation rows, NaN when
 * there are none. Epoch 0 is the evaluation of the starting weights, before any update.
 *
 * @param phase "train" for a single autoencoder; "pretrain-layer-k" (k from 1) and "finetune" for a stack
 */
public record EpochStats(int epoch, double trainLoss, double validationLoss, String phase) {
    public static final String TRAIN = "train";
    public static final String FINETUNE = "finetune";

    public EpochStats {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch: must be >= 0, got " + epoch);
        }
        if (phase == null || phase.isBlank()) {
            throw new IllegalArgumentException("phase: required");
        }
    }

    public EpochStats(int epoch, double trainLoss, double validationLoss) {
        this(epoch, trainLoss, validationLoss, TRAIN);
    }

    public static String pretrainPhase(int layer) {
        return "pretrain-layer-" + layer;
    }
}
