package io.aestream.trainer.train;

import io.aestream.scoring.Activation;
import io.aestream.scoring.DenseLayer;
import io.aestream.scoring.DenseNetwork;
import io.aestream.scoring.ForwardPass;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The classifier's loss and head training where the classes are far apart: confident logits must not turn the
 * cross-entropy into NaN (SKAB with every label did: {@code head epoch 166: loss is NaN}).
 */
class ClassifierTrainerTest {
    private static final int FEATURES = 4;

    @Test
    void shouldComputeTheCrossEntropyExactlyWhenLogitsAreHundredsApart() {
        // logits = frame · (0, -200, 300): classes hundreds of logits apart, as far-out frames give a trained head
        double[][] head = {{0, -200, 300}};
        DenseLayer softmax = DenseLayer.fromInputMajor(head, new double[3], Activation.SOFTMAX);
        ClassifierGraph graph = ClassifierGraph.build(List.of(identity(1), softmax), 1, 1e-2);
        double[][] frames = {{1}, {-1}, {0.5}};
        double[][] targets = {{0, 0, 2}, {0, 1, 0}, {0, 0.5, 0}};

        // per frame w · (logsumexp(z) − z_class): the first two are right and confident (0 to float precision), the
        // third names class 2 at 150 for class 1 at −100 (0.5 · 250)
        assertThat(graph.loss(frames, targets)).isCloseTo(0.5 * 250 / 3, within(1e-3));
    }

    @Test
    void shouldTrainTheHeadOnManyFramesOfARampingFaultWithoutNaN() {
        // classes 0 and 1 overlap (means 1 sd apart), so the loss keeps falling and the head keeps training; class 2 is
        // a fault whose severity ramps: sensor 2 from just past the others' range (4 sd) to far out (4 + Exp(mean 8)).
        // Its weight grows until the nearest frames are confident, and the farthest then sit hundreds of logits apart.
        SplittableRandom rng = new SplittableRandom(11);
        Part train = rampingFault(rng, new int[] {1500, 500, 200});
        Part validation = rampingFault(rng, new int[] {375, 125, 50});
        ClassifierTrainer.LabelledSet data = new ClassifierTrainer.LabelledSet(train.frames(), train.classes(),
                validation.frames(), validation.classes(), 3);
        ClassifierOptions defaults = ClassifierOptions.defaults(5);
        ClassifierOptions options = new ClassifierOptions(0, defaults.headEpochs(), 0, defaults.learningRate(),
                defaults.fineTuneRate(), 256, defaults.patience(), 5);

        ClassifierTrainer.Result result = new ClassifierTrainer().fit(List.of(identity(FEATURES)), data, options,
                TrainingListener.NONE);

        assertThat(result.history()).allSatisfy(e -> assertThat(e.trainLoss()).isFinite());
        double[] recall = recall(result.network(), validation.frames(), validation.classes(), 3);
        assertThat(recall[2]).isGreaterThan(0.99);
        // the Bayes rule between two unit Gaussians 1 sd apart is right on Φ(0.5) = 0.69 of each
        assertThat(recall[0]).isGreaterThan(0.6);
        assertThat(recall[1]).isGreaterThan(0.6);
    }

    private record Part(double[][] frames, int[] classes) {
    }

    /** {@code sizes[c]} frames of each class c in turn: classes 0 and 1 unit Gaussians, class 2 the ramping fault. */
    private static Part rampingFault(SplittableRandom rng, int[] sizes) {
        int n = Arrays.stream(sizes).sum();
        double[][] frames = new double[n][FEATURES];
        int[] classes = new int[n];
        for (int c = 0, i = 0; c < sizes.length; c++) {
            for (int k = 0; k < sizes[c]; k++, i++) {
                for (int f = 0; f < FEATURES; f++) {
                    frames[i][f] = rng.nextGaussian();
                }
                frames[i][0] += c == 1 ? 1 : 0;
                frames[i][2] = c == 2 ? 4 - 8 * Math.log(1 - rng.nextDouble()) : frames[i][2];
                classes[i] = c;
            }
        }
        return new Part(frames, classes);
    }

    /** Per class: the share of its frames the network names right. */
    private static double[] recall(DenseNetwork network, double[][] frames, int[] classes, int count) {
        ForwardPass forward = new ForwardPass(network);
        double[] p = new double[count];
        double[] right = new double[count];
        double[] n = new double[count];
        for (int i = 0; i < frames.length; i++) {
            forward.reconstruct(frames[i], p);
            int best = 0;
            for (int c = 1; c < count; c++) {
                best = p[c] > p[best] ? c : best;
            }
            n[classes[i]]++;
            right[classes[i]] += best == classes[i] ? 1 : 0;
        }
        for (int c = 0; c < count; c++) {
            right[c] /= n[c];
        }
        return right;
    }

    private static DenseLayer identity(int n) {
        double[][] w = new double[n][n];
        for (int i = 0; i < n; i++) {
            w[i][i] = 1;
        }
        return DenseLayer.fromInputMajor(w, new double[n], Activation.IDENTITY);
    }
}
