package io.aestream.trainer.train;

/** Progress callbacks (progress bar, logs). */
public interface TrainingListener {
    void onEpoch(String phase, EpochStats stats, int maxEpochs);

    TrainingListener NONE = (phase, stats, max) -> { };
}
