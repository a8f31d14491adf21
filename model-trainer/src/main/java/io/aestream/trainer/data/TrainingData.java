package io.aestream.trainer.data;

import io.aestream.frame.AudioFrameSpec;
import io.aestream.frame.WindowFrameSpec;
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
 */
public record TrainingData(Dataset dataset, Split split, Normalizer normalizer, int[] trainFrames, int[] validationFrames) {

    public static TrainingData prepare(Dataset dataset, Split split, NormalizerKind kind) {
        boolean[] anomalous = frameAnomalous(dataset);
        int[] train = framesIn(dataset.frames(), split.train(), anomalous);
        int[] validation = framesIn(dataset.frames(), split.validation(), anomalous);
        if (train.length == 0) {
            throw new BadInputException("training rows " + split.train() + ": no complete, unlabelled frame lies in them");
        }
        Normalizer normalizer = kind.fit(normalizerBase(dataset, split.train(), train), tile(dataset), minScale(dataset));
        return new TrainingData(dataset, split, normalizer, train, validation);
    }

    /**
     * The same split with the normalizer fitted on the training frames plus {@code extra} raw frames (e.g.
     * noisy versions of them), so that corrupted inputs stay on a scale the network can learn from.
     */
    public TrainingData refitWith(double[][] extra, NormalizerKind kind) {
        double[][] base = normalizerBase(dataset, split.train(), trainFrames);
        double[][] all = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(extra))
                .toArray(double[][]::new);
        return new TrainingData(dataset, split, kind.fit(all, tile(dataset), minScale(dataset)), trainFrames, validationFrames);
    }

    /** Normalized frames for the engine; {@code noisy} supplies x̃ for audio recording corruption (else null). */
    public TrainingSet trainingSet(TrainingSet.NoisySource noisy) {
        return new TrainingSet(normalized(trainFrames), normalized(validationFrames), noisy);
    }

    public double[][] normalized(int[] frameIdx) {
        double[][] out = new double[frameIdx.length][];
        for (int i = 0; i < frameIdx.length; i++) {
            out[i] = new double[normalizer.size()];
            normalizer.normalize(dataset.frames().frames()[frameIdx[i]], out[i]);
        }
        return out;
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
