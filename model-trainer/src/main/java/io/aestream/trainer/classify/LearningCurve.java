package io.aestream.trainer.classify;

import io.aestream.scoring.Classifier;
import io.aestream.scoring.DenseNetwork;
import io.aestream.scoring.Normalizer;
import io.aestream.trainer.data.Dataset;
import io.aestream.trainer.eval.ClassMetrics;
import io.aestream.trainer.train.ClassifierOptions;
import io.aestream.trainer.train.ClassifierTrainer;
import io.aestream.sampling.Shuffle;
import io.aestream.trainer.train.TrainingListener;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Whether pre-training pays: for each number of labels per class and each seed, draw that many labelled frames per
 * class from a training pool, train the pre-trained classifier, the same network from scratch, and logistic
 * regression on PCA codes of the same size, and measure macro-F1 on held-out frames.
 */
public final class LearningCurve {
    /** Labels per class meaning "every labelled frame of the pool". */
    public static final int ALL = Integer.MAX_VALUE;

    /** The three contenders, one flag apart: their starting encoders. */
    public enum Method {
        PRETRAINED("pre-trained"), SCRATCH("from scratch"), PCA_LR("PCA + logistic regression"),
        /** Logistic regression on the normalized inputs themselves (an identity "encoder"): the reference without codes. */
        INPUT_LR("logistic regression on the inputs");

        public final String label;

        Method(String label) {
            this.label = label;
        }
    }

    /** Macro-F1 of every seed at one number of labels per class. */
    public record Point(int labelsPerClass, Method method, double[] macroF1) {
        public double mean() {
            return Arrays.stream(macroF1).average().orElse(Double.NaN);
        }

        /** Sample standard deviation over the seeds. */
        public double sd() {
            double m = mean();
            return macroF1.length < 2 ? 0 : Math.sqrt(Arrays.stream(macroF1).map(v -> (v - m) * (v - m)).sum() / (macroF1.length - 1));
        }

        public String labels() {
            return labelsPerClass == ALL ? "all" : String.valueOf(labelsPerClass);
        }
    }

    private LearningCurve() {
    }

    /**
     * @param starts    the encoder each method starts from (PCA + LR: the PCA projection, kept frozen)
     * @param pool      labelled frames to draw training labels from
     * @param test      labelled frames to measure on (other experiments, other rows)
     * @param fraction  share of the drawn labels that validates (stratified; at least one per class)
     */
    public static List<Point> run(Map<Method, ClassifierFit.Start> starts, Dataset data, LabelledFrames pool, LabelledFrames test,
                                  List<Integer> labelsPerClass, int seeds, double fraction, ClassifierOptions options,
                                  java.util.function.Consumer<String> progress) {
        List<Point> points = new ArrayList<>();
        for (int k : labelsPerClass) {
            Map<Method, double[]> f1 = new LinkedHashMap<>();
            starts.keySet().forEach(m -> f1.put(m, new double[seeds]));
            for (int s = 0; s < seeds; s++) {
                LabelledFrames drawn = sample(pool, k, 1000L * k + s);
                LabelledFrames[] parts = drawn.stratified(fraction, s, "labels");
                for (var e : starts.entrySet()) {
                    ClassifierOptions o = forLabels(e.getKey() == Method.PCA_LR || e.getKey() == Method.INPUT_LR
                            ? logisticRegression(options) : options, k, parts[0].frames().length);
                    ClassifierTrainer.Result r = ClassifierFit.fit(e.getValue(), data, parts[0], parts[1], o.withSeed(s),
                            TrainingListener.NONE);
                    f1.get(e.getKey())[s] = metrics(r.network(), e.getValue().normalizer(), data, test).macroF1();
                }
                StringBuilder line = new StringBuilder(String.format(java.util.Locale.ROOT, "%s labels/class, seed %d:",
                        k == ALL ? "all" : k, s));
                for (var e : f1.entrySet()) {
                    line.append(String.format(java.util.Locale.ROOT, " %s %.3f;", e.getKey().label, e.getValue()[s]));
                }
                progress.accept(line.toString());
            }
            f1.forEach((m, v) -> points.add(new Point(k, m, v)));
        }
        return points;
    }

    /**
     * Every label at once can be thousands of frames: batches of up to 256 (an eighth of the training frames, at least
     * the configured size) keep an epoch to a few dozen steps; a few labels per class fit in one batch either way.
     */
    static ClassifierOptions forLabels(ClassifierOptions o, int labelsPerClass, int trainFrames) {
        int batch = Math.max(o.batchSize(), Math.min(256, trainFrames / 8));
        return labelsPerClass != ALL ? o : new ClassifierOptions(o.hidden(), o.headEpochs(), o.fineTuneEpochs(), o.learningRate(),
                o.fineTuneRate(), batch, o.patience(), o.seed());
    }

    /** A softmax head on the frozen encoder, nothing fine-tuned: logistic regression on the codes. */
    static ClassifierOptions logisticRegression(ClassifierOptions o) {
        return new ClassifierOptions(0, o.headEpochs() + o.fineTuneEpochs(), 0, o.learningRate(), o.fineTuneRate(), o.batchSize(),
                o.patience(), o.seed());
    }

    /** {@code perClass} frames of every class drawn without replacement (all of a class that has fewer). */
    public static LabelledFrames sample(LabelledFrames pool, int perClass, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Integer> chosen = new ArrayList<>();
        for (int c = 0; c < pool.classes().size(); c++) {
            int[] members = pool.members(c);
            Shuffle.inPlace(members, rng);
            for (int i = 0; i < Math.min(perClass, members.length); i++) {
                chosen.add(members[i]);
            }
        }
        return pool.subset(chosen.stream().mapToInt(Integer::intValue).sorted().toArray());
    }

    /** The lean classifier's figures on {@code test} (the path the stream runs). */
    public static ClassMetrics metrics(DenseNetwork network, Normalizer normalizer, Dataset data, LabelledFrames test) {
        Classifier classifier = new Classifier(network, normalizer, test.classes());
        int[] predicted = new int[test.frames().length];
        for (int i = 0; i < predicted.length; i++) {
            predicted[i] = test.classes().indexOf(classifier.classify(data.frames().frames()[test.frames()[i]]).label());
        }
        return ClassMetrics.of(test.classes(), test.classOf(), predicted);
    }
}
