package io.aestream.trainer.train;

import io.aestream.trainer.model.Corruption;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CorruptorTest {
    private static final double[][] TRAIN = {{-1, 10}, {3, 20}, {0, 15}};

    @Test
    void shouldSetFeaturesOnlyToTheirTrainingMinOrMaxWhenSaltAndPepper() {
        // Given
        TrainingSet data = new TrainingSet(TRAIN, null, null);
        double[][] clean = new double[2000][];
        java.util.Arrays.fill(clean, new double[] {1, 12});

        // When
        double[][] noisy = Corruptor.of(new Corruption.SaltAndPepper(0.5), data).corrupt(clean, TrainingSet.Part.TRAIN, new int[2000], new SplittableRandom(1));

        // Then every value is kept, the feature's min or its max; about half are changed
        int changed = 0;
        for (double[] row : noisy) {
            assertThat(row[0]).isIn(1.0, -1.0, 3.0);
            assertThat(row[1]).isIn(12.0, 10.0, 20.0);
            changed += (row[0] != 1 ? 1 : 0) + (row[1] != 12 ? 1 : 0);
        }
        assertThat(changed / 4000.0).isBetween(0.45, 0.55);
        assertThat(clean[0]).containsExactly(1, 12);
    }

    @Test
    void shouldZeroAboutTheFractionWhenMasking() {
        // Given
        double[][] clean = SyntheticData.gaussian(1000, 10, 1.0, new SplittableRandom(2));

        // When
        double[][] noisy = Corruptor.of(new Corruption.Masking(0.3), new TrainingSet(clean, null, null))
                .corrupt(clean, TrainingSet.Part.TRAIN, new int[1000], new SplittableRandom(3));

        // Then
        long zeros = java.util.Arrays.stream(noisy).flatMapToDouble(java.util.Arrays::stream).filter(v -> v == 0).count();
        assertThat(zeros / 10000.0).isBetween(0.27, 0.33);
    }

    @Test
    void shouldAskTheNoisySourceForTheBatchRowsWhenCorruptionIsRecordings() {
        // Given a noisy source that marks which rows it was asked for
        TrainingSet data = new TrainingSet(TRAIN, null,
                (part, rows, rng) -> new double[][] {{part.ordinal(), rows[0], rows[1]}});
        Corruptor corruptor = Corruptor.of(new Corruption.Recordings(List.of("noise.wav"), 0, 10), data);

        // When
        double[][] train = corruptor.corrupt(TRAIN, TrainingSet.Part.TRAIN, new int[] {2, 0}, new SplittableRandom(1));
        double[][] validation = corruptor.corrupt(TRAIN, TrainingSet.Part.VALIDATION, new int[] {1, 0}, new SplittableRandom(1));

        // Then each request names its part and rows
        assertThat(train[0]).containsExactly(TrainingSet.Part.TRAIN.ordinal(), 2, 0);
        assertThat(validation[0]).containsExactly(TrainingSet.Part.VALIDATION.ordinal(), 1, 0);
    }

    @Test
    void shouldRejectRecordingsWhenTheTrainingSetHasNoNoisySource() {
        assertThatThrownBy(() -> Corruptor.of(new Corruption.Recordings(List.of("noise.wav"), 0, 10),
                new TrainingSet(TRAIN, null, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("noisySource");
    }
}
