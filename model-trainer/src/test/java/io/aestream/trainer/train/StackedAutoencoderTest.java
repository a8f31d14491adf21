package io.aestream.trainer.train;

import io.aestream.scoring.Activation;
import io.aestream.scoring.Distribution;
import io.aestream.trainer.model.Architecture;
import io.aestream.trainer.model.AutoencoderSpec;
import io.aestream.trainer.model.Corruption;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StackedAutoencoderTest {

    @Test
    void shouldLowerValidationErrorWhenFineTuningTheGreedyStack() {
        // Given a two-layer stack pretrained greedily as denoising layers
        double[][] x = SyntheticData.lowRank(1000, 10, 3, 0.05, 12);
        Architecture arch = new Architecture(List.of(6, 3), Activation.TANH, Distribution.GAUSSIAN, false);
        var layer = new AutoencoderSpec.Denoising(arch, new Corruption.Gaussian(0.1));
        var spec = new AutoencoderSpec.Stacked(arch, layer, 4);

        // When
        TrainedModel model = new AutoencoderTrainer().fit(spec,
                new TrainingSet(SyntheticData.head(x, 800), SyntheticData.tail(x, 800), null),
                new TrainingOptions(15, 32, 1e-2, 5, 0, 13), TrainingListener.NONE);

        // Then the history has both phases, and fine-tuning beat the stack it started from (finetune epoch 0)
        List<String> phases = model.history().stream().map(EpochStats::phase).distinct().toList();
        assertThat(phases).containsExactly("pretrain-layer-1", "pretrain-layer-2", "finetune");
        List<EpochStats> finetune = model.history().stream().filter(s -> s.phase().equals(EpochStats.FINETUNE)).toList();
        double beforeFineTuning = finetune.get(0).validationLoss();
        double kept = model.bestStats().validationLoss();
        assertThat(model.bestEpoch()).isPositive();
        assertThat(kept).isLessThan(0.9 * beforeFineTuning);
    }
}
