package io.aestream.trainer.data;

import io.aestream.frame.AudioFrameSpec;
import io.aestream.frame.WindowFrameSpec;
import io.aestream.scoring.Distribution;
import io.aestream.scoring.FrameLikelihood;
import io.aestream.scoring.InputColumns;
import io.aestream.scoring.Normalizer;
import io.aestream.trainer.train.TrainingSet;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A dataset split in time order with its normalizer. Frames that touch a row labelled anomalous are left
 * out of training and validation (an autoencoder should learn normal behaviour only), but kept in
 * {@link #validationLabelled()} for best-F1 calibration.
 *
 * @param trainFrames      frames lying wholly in the training rows, unlabelled
 * @param validationFrames frames lying wholly in the validation rows, unlabelled
 * @param columns          tabular input: the column spec (types, monitored columns, scaling, constant columns
 *                         left out); null for audio
 */
public record TrainingData(Dataset dataset, Split split, Normalizer normalizer, int[] trainFrames, int[] validationFrames,
                           InputColumns columns) {

    /** With {@code train}'s default column plan under a Gaussian model (tables), or per-bin scaling (audio). */
    public static TrainingData prepare(Dataset dataset, Split split, NormalizerKind kind) {
        return prepare(dataset, split, ColumnPlan.defaults(kind), Distribution.GAUSSIAN);
    }

    /**
     * Tables: columns constant on the training rows are left out first (if the plan says so), then every column is
     * typed, scaled and marked monitored or context by {@link ColumnFitter}.
     */
    public static TrainingData prepare(Dataset dataset, Split split, ColumnPlan plan, Distribution model) {
        if (dataset.spec() instanceof AudioFrameSpec) {
            int[] train = requireTraining(dataset, split);
            Normalizer normalizer = plan.scaling().fit(normalizerBase(dataset, split.train(), train), 1, AUDIO_MIN_SCALE);
            return new TrainingData(dataset, split, normalizer, train, framesIn(dataset.frames(), split.validation(),
                    frameAnomalous(dataset)), null);
        }
        java.util.Map<String, Double> constant = plan.dropConstant()
                ? ColumnFitter.constantColumns(normalizerBase(dataset, split.train(), null), Framer.columns(dataset.spec()))
                : java.util.Map.of();
        Dataset kept = dataset;
        if (!constant.isEmpty()) {
            List<String> rest = Framer.columns(dataset.spec()).stream().filter(c -> !constant.containsKey(c)).toList();
            if (rest.isEmpty()) {
                throw new BadInputException("columns: every column is constant on the training rows " + split.train() + ": "
                        + constant + "; there is nothing to model");
            }
            kept = dataset.select(rest);
        }
        int[] train = requireTraining(kept, split);
        ColumnFitter.Fitted fitted = ColumnFitter.fit(normalizerBase(kept, split.train(), train), Framer.columns(kept.spec()),
                plan, model, tile(kept), constant);
        return new TrainingData(kept, split, fitted.normalizer(), train,
                framesIn(kept.frames(), split.validation(), frameAnomalous(kept)), fitted.columns());
    }

    private static int[] requireTraining(Dataset dataset, Split split) {
        int[] train = framesIn(dataset.frames(), split.train(), frameAnomalous(dataset));
        if (train.length == 0) {
            throw new BadInputException("training rows " + split.train() + ": no complete, unlabelled frame lies in them");
        }
        return train;
    }

    /**
     * The same split with the normalizer fitted on the training frames plus {@code extra} raw frames (e.g.
     * noisy versions of them), so that corrupted inputs stay on a scale the network can learn from.
     */
    public TrainingData refitWith(double[][] extra, NormalizerKind kind) {
        double[][] base = normalizerBase(dataset, split.train(), trainFrames);
        double[][] all = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(extra))
                .toArray(double[][]::new);
        return new TrainingData(dataset, split, kind.fit(all, tile(dataset), minScale(dataset)), trainFrames, validationFrames,
                columns);
    }

    /** How the model's inputs are scored under {@code model}: from the column spec, or uniformly (audio). */
    public FrameLikelihood likelihood(Distribution model) {
        int size = normalizer.size();
        return columns == null ? FrameLikelihood.uniform(model, size) : FrameLikelihood.of(model, columns, size);
    }

    /**
     * Normalized frames for the engine, with the features whose output is a Bernoulli logit; {@code noisy}
     * supplies x̃ for audio recording corruption (else null).
     */
    public TrainingSet trainingSet(TrainingSet.NoisySource noisy, FrameLikelihood likelihood) {
        boolean[] logits = new boolean[likelihood.size()];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = likelihood.squashed(i);
        }
        return new TrainingSet(normalized(trainFrames), normalized(validationFrames), noisy, logits);
    }

    public double[][] normalized(int[] frameIdx) {
        double[][] out = new double[frameIdx.length][];
        for (int i = 0; i < frameIdx.length; i++) {
            out[i] = new double[normalizer.size()];
            normalizer.normalize(dataset.frames().frames()[frameIdx[i]], out[i]);
        }
        return out;
    }

    /** Tables: the raw, unlabelled training rows (one value per column); audio: the training frames. */
    public double[][] trainingRows() {
        return normalizerBase(dataset, split.train(), trainFrames);
    }

    public double[][] raw(int[] frameIdx) {
        return IntStream.of(frameIdx).mapToObj(i -> dataset.frames().frames()[i]).toArray(double[][]::new);
    }

    /** Every frame in the validation rows, anomalous ones included, with its label (for best-F1). */
    public int[] validationLabelled() {
        return framesIn(dataset.frames(), split.validation(), new boolean[dataset.frames().size()]);
    }

    /** Per frame: whether any row it covers is labelled anomalous (all false without labels). */
    public static boolean[] frameAnomalous(Dataset dataset) {
        FrameSet fs = dataset.frames();
        boolean[] out = new boolean[fs.size()];
        boolean[] labels = dataset.rowLabels();
        if (labels == null) {
            return out;
        }
        for (int i = 0; i < fs.size(); i++) {
            for (int r = fs.firstRow()[i]; r <= fs.lastRow()[i] && !out[i]; r++) {
                out[i] = labels[r];
            }
        }
        return out;
    }

    private static int[] framesIn(FrameSet fs, RowRange range, boolean[] excluded) {
        return IntStream.range(0, fs.size())
                .filter(i -> !excluded[i] && range.covers(fs.firstRow()[i], fs.lastRow()[i]))
                .toArray();
    }

    /** Tables: the raw training rows (unlabelled); audio: the training frames (one normalizer value per bin). */
    private static double[][] normalizerBase(Dataset dataset, RowRange train, int[] trainFrames) {
        if (dataset.spec() instanceof AudioFrameSpec) {
            return IntStream.of(trainFrames).mapToObj(i -> dataset.frames().frames()[i]).toArray(double[][]::new);
        }
        boolean[] labels = dataset.rowLabels();
        List<double[]> rows = new ArrayList<>();
        for (int r = train.start(); r < Math.min(train.end(), dataset.rows()); r++) {
            if (labels == null || !labels[r]) {
                rows.add(dataset.rowValues(r));
            }
        }
        return rows.toArray(double[][]::new);
    }

    /**
     * Log-spectral features: a bin that is nearly constant in clean training audio (silence, outside the
     * signal's band) keeps a scale of at least 1 (log units, about 8.7 dB), so that noise at scoring time or
     * from recording corruption does not become a normalized value in the tens.
     */
    private static double minScale(Dataset dataset) {
        return dataset.spec() instanceof AudioFrameSpec ? AUDIO_MIN_SCALE : 1e-12;
    }

    static final double AUDIO_MIN_SCALE = 1.0;

    private static int tile(Dataset dataset) {
        return dataset.spec() instanceof WindowFrameSpec w ? w.window() : 1;
    }
}
