package io.aestream.trainer;

import io.aestream.trainer.model.AutoencoderSpec;
import io.aestream.trainer.train.TrainedModel;
import io.aestream.trainer.train.TrainingListener;
import io.aestream.trainer.train.TrainingOptions;
import io.aestream.trainer.train.TrainingSet;

/** The training engine as {@link TrainingRun} sees it (the DL4J {@code AutoencoderTrainer} in production). */
@FunctionalInterface
public interface ModelFitter {
    TrainedModel fit(AutoencoderSpec spec, TrainingSet set, TrainingOptions options, TrainingListener listener);
}
