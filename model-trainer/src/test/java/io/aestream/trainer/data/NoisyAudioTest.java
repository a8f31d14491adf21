package io.aestream.trainer.data;

import io.aestream.frame.AudioFeature;
import io.aestream.frame.AudioFrameSpec;
import io.aestream.frame.WindowFunction;
import io.aestream.trainer.Synthetic;
import io.aestream.trainer.train.TrainingSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NoisyAudioTest {
    @TempDir
    Path dir;

    private TrainingData chirpData() throws IOException {
        Path f = Synthetic.wav(dir, "chirp.wav", 8000, Synthetic.chirp(8000, 8000, 300, 1500));
        Dataset d = Dataset.ofAudio(List.of(f), rate -> new AudioFrameSpec(rate, 128, 64, WindowFunction.SQRT_HANN, AudioFeature.LOG_MAGNITUDE, 0));
        return TrainingData.prepare(d, Split.of(null, 1, 0.2, d.rows()), NormalizerKind.STANDARDIZE);
    }

    @Test
    void shouldReproduceTheCleanFeaturesWhenTheSnrIsVeryHigh() throws IOException {
        TrainingData data = chirpData();
        NoisyAudio quiet = new NoisyAudio(data, List.of(new WavAudio(8000, Synthetic.whiteNoise(4000, 0.1, 3))), 150, 150);

        double[][] noisy = quiet.noisy(TrainingSet.Part.TRAIN, new int[] {5, 40}, new SplittableRandom(1));
        double[][] clean = data.normalized(new int[] {data.trainFrames()[5], data.trainFrames()[40]});

        for (int i = 0; i < 2; i++) {
            for (int k = 0; k < clean[i].length; k++) {
                assertThat(noisy[i][k]).isCloseTo(clean[i][k], within(1e-3));
            }
        }
    }

    @Test
    void shouldCutValidationRowsFromTheValidationFramesWhenAskedForValidation() throws IOException {
        // Given a split with validation frames and noise too quiet to matter
        TrainingData data = chirpData();
        NoisyAudio quiet = new NoisyAudio(data, List.of(new WavAudio(8000, Synthetic.whiteNoise(4000, 0.1, 3))), 150, 150);

        // When the source is asked for validation rows 0 and 3
        double[][] noisy = quiet.noisy(TrainingSet.Part.VALIDATION, new int[] {0, 3}, new SplittableRandom(1));

        // Then they are the validation frames, not the training frames with those indices
        double[][] clean = data.normalized(new int[] {data.validationFrames()[0], data.validationFrames()[3]});
        for (int i = 0; i < 2; i++) {
            for (int k = 0; k < clean[i].length; k++) {
                assertThat(noisy[i][k]).isCloseTo(clean[i][k], within(1e-3));
            }
        }
    }

    @Test
    void shouldCorruptFramesMoreWhenTheSnrIsLower() throws IOException {
        TrainingData data = chirpData();
        List<WavAudio> noise = List.of(new WavAudio(8000, Synthetic.whiteNoise(4000, 0.1, 3)));
        int[] rows = java.util.stream.IntStream.range(0, 50).toArray();
        double[][] clean = data.normalized(java.util.Arrays.stream(rows).map(r -> data.trainFrames()[r]).toArray());

        double loud = distance(new NoisyAudio(data, noise, 0, 0).noisy(TrainingSet.Part.TRAIN, rows, new SplittableRandom(2)), clean);
        double soft = distance(new NoisyAudio(data, noise, 20, 20).noisy(TrainingSet.Part.TRAIN, rows, new SplittableRandom(2)), clean);

        assertThat(loud).isGreaterThan(2 * soft);
    }

    private static double distance(double[][] a, double[][] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < a[i].length; k++) {
                d += (a[i][k] - b[i][k]) * (a[i][k] - b[i][k]);
            }
        }
        return d;
    }
}
