package io.aestream.trainer.speech;

import io.aestream.frame.AudioFrameSpec;
import io.aestream.scoring.DenseNetwork;
import io.aestream.scoring.Distribution;
import io.aestream.scoring.Normalizer;
import io.aestream.scoring.Scorer;
import io.aestream.sampling.Shuffle;
import io.aestream.trainer.train.TrainingOptions;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Trains the speech mask model, a denoising autoencoder whose decoder is a gain on its corrupted input: every epoch
 * draws fresh mixtures (random speech crop × noise crop × SNR × gain), validation uses a fixed set of mixtures of
 * held-out recordings, and training stops when the validation loss has not improved for {@code patience} epochs,
 * keeping the best epoch's weights. The input standardization is fitted on the first epoch's frames. Reproducible for
 * a seed (ND4J single-threaded).
 */
public final class MaskTrainer {

    /**
     * @param hidden           hidden layer sizes (ReLU)
     * @param gainRangeDb      random input gain ±this, so the model sees every level
     * @param cropSeconds      length of a training mixture (a short stream from its start)
     * @param mixturesPerEpoch fresh mixtures drawn for every epoch
     */
    public record Settings(List<Integer> hidden, double snrMinDb, double snrMaxDb, double gainRangeDb, double cropSeconds,
                           int mixturesPerEpoch, int validationMixtures, TrainingOptions optim) {
        public Settings {
            hidden = List.copyOf(hidden);
            if (hidden.isEmpty() || hidden.stream().anyMatch(h -> h < 1)) {
                throw new IllegalArgumentException("hidden: at least one layer of size >= 1, got " + hidden);
            }
            if (!(cropSeconds > 0) || mixturesPerEpoch < 1 || validationMixtures < 1) {
                throw new IllegalArgumentException("cropSeconds, mixturesPerEpoch, validationMixtures: must be > 0, got "
                        + cropSeconds + ", " + mixturesPerEpoch + ", " + validationMixtures);
            }
        }
    }

    /** One epoch: weighted mask loss on its training frames and on the validation frames. */
    public record Epoch(int epoch, double trainLoss, double validationLoss) {
    }

    /** @param validationScores the trained model's frame scores on the validation mixtures (for a threshold) */
    public record Result(DenseNetwork network, Normalizer.Standardize normalizer, List<Epoch> history, int bestEpoch,
                         double[] validationScores, int trainFramesPerEpoch, double seconds) {
    }

    private MaskTrainer() {
    }

    public static Result train(AudioFrameSpec spec, List<double[]> trainSpeech, List<double[]> validationSpeech,
                               List<double[]> noise, Settings s, Consumer<String> log) {
        if (spec.mask() == null) {
            throw new IllegalArgumentException("spec: a mask model needs a frame spec with a gain mask");
        }
        Result[] out = new Result[1];
        MaskGraph.singleThreaded(() -> out[0] = fit(spec, trainSpeech, validationSpeech, noise, s, log));
        return out[0];
    }

    private static Result fit(AudioFrameSpec spec, List<double[]> trainSpeech, List<double[]> validationSpeech,
                              List<double[]> noise, Settings s, Consumer<String> log) {
        long t0 = System.nanoTime();
        TrainingOptions o = s.optim();
        Nd4j.getRandom().setSeed(o.seed());
        SplittableRandom rng = new SplittableRandom(o.seed());
        int crop = (int) Math.round(s.cropSeconds() * spec.sampleRate());
        Mixer train = new Mixer(trainSpeech, noise, s.snrMinDb(), s.snrMaxDb(), s.gainRangeDb(), crop);
        Mixer validation = new Mixer(validationSpeech.isEmpty() ? trainSpeech : validationSpeech, noise, s.snrMinDb(),
                s.snrMaxDb(), s.gainRangeDb(), crop);
        MaskExamples examples = new MaskExamples(spec);
        MaskExamples.Rows val = examples.draw(validation, s.validationMixtures(), new SplittableRandom(o.seed() ^ 0x5EEDL));
        MaskExamples.Rows rows = examples.draw(train, s.mixturesPerEpoch(), rng);
        Normalizer.Standardize normalizer = standardize(rows.inputs());
        double[][] valInputs = normalized(normalizer, val.inputs());
        MaskGraph graph = MaskGraph.build(spec.inputSize(), s.hidden(), spec.outputSize(), spec.mask().gainFloor(),
                o.learningRate(), rng.split());

        List<Epoch> history = new ArrayList<>();
        double best = chunkedLoss(graph, valInputs, val.targets(), val.weights());
        history.add(new Epoch(0, Double.NaN, best));
        int bestEpoch = 0;
        Map<String, INDArray> bestWeights = graph.snapshot();
        for (int epoch = 1; epoch <= o.epochs(); epoch++) {
            if (epoch > 1) {
                rows = examples.draw(train, s.mixturesPerEpoch(), rng);
            }
            double trainLoss = fitEpoch(graph, normalized(normalizer, rows.inputs()), rows, o.batchSize(), rng);
            double valLoss = chunkedLoss(graph, valInputs, val.targets(), val.weights());
            history.add(new Epoch(epoch, trainLoss, valLoss));
            log.accept(String.format(java.util.Locale.ROOT, "epoch %d: train %.5f, validation %.5f (%d frames)",
                    epoch, trainLoss, valLoss, rows.size()));
            if (!Double.isFinite(valLoss)) {
                throw new IllegalStateException("epoch " + epoch + ": validation loss is " + valLoss + " (diverged; lower the learning rate)");
            }
            if (valLoss < best - o.minDelta()) {
                best = valLoss;
                bestEpoch = epoch;
                bestWeights = graph.snapshot();
            } else if (epoch - bestEpoch >= o.patience()) {
                break;
            }
        }
        graph.restore(bestWeights);
        DenseNetwork network = graph.toNetwork();
        Scorer scorer = new Scorer(network, normalizer, Distribution.BERNOULLI);
        double[] scores = Arrays.stream(val.inputs()).mapToDouble(x -> scorer.score(x).score()).toArray();
        return new Result(network, normalizer, history, bestEpoch, scores, rows.size(), (System.nanoTime() - t0) / 1e9);
    }

    private static double fitEpoch(MaskGraph graph, double[][] inputs, MaskExamples.Rows rows, int batchSize, SplittableRandom rng) {
        int n = inputs.length;
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        Shuffle.inPlace(order, rng);
        double sum = 0;
        for (int from = 0; from < n; from += batchSize) {
            int to = Math.min(n, from + batchSize);
            double[][] x = new double[to - from][];
            double[][] t = new double[to - from][];
            double[][] w = new double[to - from][];
            for (int i = from; i < to; i++) {
                x[i - from] = inputs[order[i]];
                t[i - from] = rows.targets()[order[i]];
                w[i - from] = rows.weights()[order[i]];
            }
            sum += graph.loss(x, t, w) * (to - from);
            graph.fit(MaskGraph.batch(x, t, w));
        }
        return sum / n;
    }

    private static double chunkedLoss(MaskGraph graph, double[][] x, double[][] t, double[][] w) {
        double sum = 0;
        for (int from = 0; from < x.length; from += 2048) {
            int to = Math.min(x.length, from + 2048);
            sum += graph.loss(Arrays.copyOfRange(x, from, to), Arrays.copyOfRange(t, from, to), Arrays.copyOfRange(w, from, to)) * (to - from);
        }
        return sum / x.length;
    }

    static Normalizer.Standardize standardize(double[][] rows) {
        int m = rows[0].length;
        double[] mean = new double[m];
        double[] std = new double[m];
        for (double[] r : rows) {
            for (int j = 0; j < m; j++) {
                mean[j] += r[j];
            }
        }
        for (int j = 0; j < m; j++) {
            mean[j] /= rows.length;
        }
        for (double[] r : rows) {
            for (int j = 0; j < m; j++) {
                std[j] += (r[j] - mean[j]) * (r[j] - mean[j]);
            }
        }
        for (int j = 0; j < m; j++) {
            std[j] = Math.max(Math.sqrt(std[j] / rows.length), 1e-3);
        }
        return new Normalizer.Standardize(mean, std);
    }

    private static double[][] normalized(Normalizer normalizer, double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = new double[rows[i].length];
            normalizer.normalize(rows[i], out[i]);
        }
        return out;
    }
}
