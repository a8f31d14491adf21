package io.aestream.trainer.train;

import io.aestream.scoring.Activation;
import io.aestream.scoring.Classifier;
import io.aestream.scoring.DenseLayer;
import io.aestream.scoring.Normalizer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The lean {@link Classifier} the stream runs and the SameDiff graph the trainer trains give the same probabilities. */
class ClassifierParityTest {

    @Test
    void shouldMatchTheEngineWithinOneInAHundredThousand() {
        SplittableRandom rng = new SplittableRandom(4);
        int features = 6;
        double[][] raw = new double[120][features];
        int[] cls = new int[raw.length];
        for (int i = 0; i < raw.length; i++) {
            cls[i] = i % 3;
            for (int j = 0; j < features; j++) {
                raw[i][j] = 10 + 3 * rng.nextGaussian() + (j == cls[i] ? 6 : 0);
            }
        }
        double[] mean = new double[features];
        double[] std = new double[features];
        java.util.Arrays.fill(mean, 10);
        java.util.Arrays.fill(std, 3);
        Normalizer normalizer = new Normalizer.Standardize(mean, std);
        double[][] z = new double[raw.length][features];
        for (int i = 0; i < raw.length; i++) {
            normalizer.normalize(raw[i], z[i]);
        }
        List<DenseLayer> encoder = List.of(DenseLayer.fromInputMajor(
                io.aestream.trainer.model.AutoencoderWeights.glorot(features, 4, rng), new double[4], Activation.TANH));
        ClassifierTrainer.Result trained = new ClassifierTrainer().fit(encoder,
                new ClassifierTrainer.LabelledSet(z, cls, new double[0][], new int[0], 3),
                new ClassifierOptions(5, 20, 20, 1e-2, 1e-3, 16, 5, 1), TrainingListener.NONE);

        double[][] engine = ClassifierGraph.build(trained.network().layers(), 0, 1e-3).probabilities(z);
        Classifier lean = new Classifier(trained.network(), normalizer, List.of("a", "b", "c"));
        for (int i = 0; i < raw.length; i++) {
            double[] p = lean.probabilities(raw[i]);
            for (int c = 0; c < 3; c++) {
                assertThat(p[c]).isCloseTo(engine[i][c], within(1e-5));
            }
        }
        // trained weights, not the initial ones: the hidden layer and the head are there and learned the classes
        assertThat(trained.network().layers()).hasSize(3);
        assertThat(trained.history().stream().filter(s -> s.phase().equals("head")).count()).isGreaterThan(1);
        long right = java.util.stream.IntStream.range(0, raw.length)
                .filter(i -> argmax(engine[i]) == cls[i]).count();
        // one feature shifted by 2 sd per class: the Bayes accuracy is about 0.8, chance 1/3
        assertThat(right).isGreaterThan(raw.length * 7 / 10);
    }

    private static int argmax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            best = p[i] > p[best] ? i : best;
        }
        return best;
    }
}
