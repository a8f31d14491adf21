package io.aestream.trainer.train;

import io.aestream.sampling.Shuffle;
import io.aestream.scoring.Activation;
import io.aestream.scoring.DenseLayer;
import io.aestream.scoring.DenseNetwork;
import io.aestream.trainer.model.AutoencoderWeights;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Pre-training's second half (Goodfellow et al. §15.1): an encoder (a trained autoencoder's, or the same layers from
 * random initialization) under a softmax head → {@link DenseNetwork} whose code layer is the encoder's last. The head
 * learns first on the frozen encoder, then the whole network is fine-tuned at a lower rate; the cross-entropy weights
 * each class by n / (classes · n_class), so a rare fault counts as much as a common one. Each phase keeps its best
 * validation epoch. With no encoder layers this is multinomial logistic regression (the PCA baseline's head).
 */
public final class ClassifierTrainer {

    /** Normalized frames with their class index (0-based, below {@code classes}). */
    public record LabelledSet(double[][] train, int[] trainClass, double[][] validation, int[] validationClass, int classes) {
        public LabelledSet {
            if (train.length == 0 || train.length != trainClass.length || validation.length != validationClass.length) {
                throw new IllegalArgumentException("labelled set: " + train.length + " training frames with " + trainClass.length
                        + " labels, " + validation.length + " validation frames with " + validationClass.length + " labels");
            }
        }
    }

    public record Result(DenseNetwork network, List<EpochStats> history) {
        public Result {
            history = List.copyOf(history);
        }
    }

    public Result fit(List<DenseLayer> encoder, LabelledSet data, ClassifierOptions options, TrainingListener listener) {
        return SingleThreaded.call(() -> train(encoder, data, options, listener));
    }

    private Result train(List<DenseLayer> encoder, LabelledSet data, ClassifierOptions o, TrainingListener listener) {
        Nd4j.getRandom().setSeed(o.seed());
        SplittableRandom rng = new SplittableRandom(o.seed());
        double[] weights = classWeights(data.trainClass(), data.classes());
        double[][] trainTarget = targets(data.trainClass(), weights);
        double[][] validationTarget = targets(data.validationClass(), weights);
        List<DenseLayer> layers = new ArrayList<>(encoder);
        int width = encoder.isEmpty() ? data.train()[0].length : encoder.get(encoder.size() - 1).outputs();
        if (o.hidden() > 0) {
            layers.add(initial(width, o.hidden(), Activation.TANH, rng));
            width = o.hidden();
        }
        layers.add(initial(width, data.classes(), Activation.SOFTMAX, rng));
        List<EpochStats> history = new ArrayList<>();
        if (!encoder.isEmpty() && o.headEpochs() > 0) {
            layers = phase("head", ClassifierGraph.build(layers, encoder.size(), o.learningRate()), data, trainTarget,
                    validationTarget, o.headEpochs(), o, rng, history, listener);
        }
        if (encoder.isEmpty() || o.fineTuneEpochs() > 0) {
            double rate = encoder.isEmpty() ? o.learningRate() : o.fineTuneRate();
            int epochs = encoder.isEmpty() ? o.headEpochs() + o.fineTuneEpochs() : o.fineTuneEpochs();
            layers = phase(EpochStats.FINETUNE, ClassifierGraph.build(layers, 0, rate), data, trainTarget, validationTarget,
                    epochs, o, rng, history, listener);
        }
        return new Result(new DenseNetwork(layers, Math.max(0, encoder.size() - 1)), history);
    }

    /** One phase: minibatch epochs in a seeded order until the monitored loss stops improving; the best epoch's layers. */
    private static List<DenseLayer> phase(String name, ClassifierGraph graph, LabelledSet data, double[][] trainTarget,
                                          double[][] validationTarget, int maxEpochs, ClassifierOptions o, SplittableRandom rng,
                                          List<EpochStats> history, TrainingListener listener) {
        boolean validate = data.validation().length > 0;
        EarlyStopping stopping = new EarlyStopping(name, o.patience(), 0, "lower the rate", graph.snapshot());
        int[] order = java.util.stream.IntStream.range(0, data.train().length).toArray();
        for (int epoch = 0; epoch <= maxEpochs; epoch++) {
            if (epoch > 0) {
                Shuffle.inPlace(order, rng);
                for (int from = 0; from < order.length; from += o.batchSize()) {
                    int[] batch = Arrays.copyOfRange(order, from, Math.min(order.length, from + o.batchSize()));
                    graph.fit(rows(data.train(), batch), rows(trainTarget, batch));
                }
            }
            double trainLoss = graph.loss(data.train(), trainTarget);
            double validationLoss = validate ? graph.loss(data.validation(), validationTarget) : Double.NaN;
            EpochStats stats = new EpochStats(epoch, trainLoss, validationLoss, name);
            history.add(stats);
            listener.onEpoch(name, stats, maxEpochs);
            if (!stopping.keepGoing(epoch, validate ? validationLoss : trainLoss, graph::snapshot)) {
                break;
            }
        }
        graph.restore(stopping.bestWeights());
        return graph.layers();
    }

    /** n / (classes · n_c): the weighted classes contribute equally; every class must have a training frame. */
    static double[] classWeights(int[] classes, int count) {
        double[] n = new double[count];
        for (int c : classes) {
            n[c]++;
        }
        double[] w = new double[count];
        for (int c = 0; c < count; c++) {
            if (n[c] == 0) {
                throw new IllegalArgumentException("class " + c + ": no training frame");
            }
            w[c] = classes.length / (count * n[c]);
        }
        return w;
    }

    private static double[][] targets(int[] classes, double[] weights) {
        double[][] t = new double[classes.length][weights.length];
        for (int i = 0; i < classes.length; i++) {
            t[i][classes[i]] = weights[classes[i]];
        }
        return t;
    }

    private static DenseLayer initial(int in, int out, Activation activation, SplittableRandom rng) {
        return DenseLayer.fromInputMajor(AutoencoderWeights.glorot(in, out, rng), new double[out], activation);
    }

    private static double[][] rows(double[][] all, int[] idx) {
        double[][] out = new double[idx.length][];
        for (int i = 0; i < idx.length; i++) {
            out[i] = all[idx[i]];
        }
        return out;
    }
}
