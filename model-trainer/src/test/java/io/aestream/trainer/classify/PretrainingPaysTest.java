package io.aestream.trainer.classify;

import io.aestream.frame.VectorFrameSpec;
import io.aestream.scoring.Activation;
import io.aestream.scoring.DenseLayer;
import io.aestream.scoring.DenseNetwork;
import io.aestream.scoring.Distribution;
import io.aestream.scoring.Normalizer;
import io.aestream.trainer.data.Dataset;
import io.aestream.trainer.data.NormalizerKind;
import io.aestream.trainer.data.RowRange;
import io.aestream.trainer.model.Architecture;
import io.aestream.trainer.model.AutoencoderSpec;
import io.aestream.trainer.model.AutoencoderWeights;
import io.aestream.trainer.model.Corruption;
import io.aestream.trainer.model.NetworkShape;
import io.aestream.trainer.train.AutoencoderTrainer;
import io.aestream.trainer.train.ClassifierOptions;
import io.aestream.trainer.train.TrainingListener;
import io.aestream.trainer.train.TrainingOptions;
import io.aestream.trainer.train.TrainingSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chapter's claim on generated data with three anomaly shapes: an encoder pre-trained (denoising) on the
 * unlabelled rows, under a softmax head trained on 10 labelled frames per class, names the shape of held-out anomalies
 * better than the same network trained from random initialization on the same labels.
 */
class PretrainingPaysTest {
    private static final int ROWS = 4000;
    private static final int FEATURES = 32;
    private static final int SEEDS = 5;
    /** One-sided 95 % quantile of Student's t with SEEDS − 1 = 4 degrees of freedom. */
    private static final double T_95_4 = 2.132;

    @TempDir
    Path tmp;

    @Test
    void shouldBeatTheSameNetworkFromScratchWithTenLabelsPerClass() throws Exception {
        MultiClassAnomalies.Data generated = MultiClassAnomalies.generate(7, ROWS, FEATURES, 0.8);
        Path csv = tmp.resolve("faults.csv");
        generated.writeCsv(csv);
        Dataset data = Dataset.ofTables(List.of(csv), new VectorFrameSpec(generated.columns()), ',', null, null);
        String[] labels = LabelledFrames.rowLabels(data, ',', MultiClassAnomalies.LABEL);
        assertThat(labels).containsExactly(generated.labels());

        Normalizer normalizer = NormalizerKind.parse("standardize").fit(generated.rows(), 1, 1e-12);
        Architecture arch = new Architecture(List.of(8), Activation.TANH, Distribution.GAUSSIAN, false);
        DenseNetwork parent = new AutoencoderTrainer().fit(new AutoencoderSpec.Denoising(arch, new Corruption.Gaussian(0.3)),
                unlabelled(normalizer, generated.rows()), new TrainingOptions(60, 64, 1e-3, 5, 1e-5, 3), TrainingListener.NONE)
                .network();
        NetworkShape shape = NetworkShape.of(arch, FEATURES);
        List<DenseLayer> scratch = AutoencoderWeights.initial(shape, new SplittableRandom(3)).encoder(shape).layers();
        VectorFrameSpec spec = new VectorFrameSpec(generated.columns());
        Map<LearningCurve.Method, ClassifierFit.Start> starts = new LinkedHashMap<>();
        starts.put(LearningCurve.Method.PRETRAINED, new ClassifierFit.Start(parent.layers().subList(0, 1), spec, normalizer, null, null));
        starts.put(LearningCurve.Method.SCRATCH, new ClassifierFit.Start(scratch, spec, normalizer, null, null));

        LabelledFrames pool = LabelledFrames.of(data, labels, new RowRange(0, ROWS / 2), MultiClassAnomalies.LABEL);
        LabelledFrames test = LabelledFrames.of(data, labels, new RowRange(ROWS / 2, ROWS), MultiClassAnomalies.LABEL, pool.classes());
        List<LearningCurve.Point> points = LearningCurve.run(starts, data, pool, test, List.of(10), SEEDS, 0.2,
                ClassifierOptions.defaults(0), System.out::println);

        double[] pre = points.get(0).macroF1();
        double[] fromScratch = points.get(1).macroF1();
        double[] gain = new double[SEEDS];
        for (int s = 0; s < SEEDS; s++) {
            gain[s] = pre[s] - fromScratch[s];
        }
        double mean = Arrays.stream(gain).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(gain).map(g -> (g - mean) * (g - mean)).sum() / (SEEDS - 1));
        System.out.printf("macro-F1 at 10 labels/class: pre-trained %s, from scratch %s, gain %.3f ± %.3f%n",
                Arrays.toString(pre), Arrays.toString(fromScratch), mean, sd);
        // The gain must be practically large (0.05 macro-F1, a frame in twenty named right) and statistically clear:
        // above its one-sided 95 % paired-t bound over the seeds, so seed noise cannot produce it.
        assertThat(mean).isGreaterThan(0.05).isGreaterThan(T_95_4 * sd / Math.sqrt(SEEDS));
        assertThat(points.get(0).mean()).isGreaterThan(0.8);
    }

    /** Every row (anomalies included: the labels are not looked at), the last fifth for early stopping. */
    private static TrainingSet unlabelled(Normalizer normalizer, double[][] rows) {
        double[][] z = new double[rows.length][normalizer.size()];
        for (int i = 0; i < rows.length; i++) {
            normalizer.normalize(rows[i], z[i]);
        }
        int cut = rows.length * 4 / 5;
        return new TrainingSet(Arrays.copyOfRange(z, 0, cut), Arrays.copyOfRange(z, cut, z.length), null);
    }
}
