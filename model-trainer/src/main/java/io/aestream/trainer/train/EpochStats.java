package io.aestream.trainer.train;

/** Loss of one epoch (objective incl. penalties on training rows; reconstruction loss on validation rows). */
public record EpochStats(int epoch, double trainLoss, double validationLoss) {
}
