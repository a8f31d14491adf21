package io.aestream.trainer;

import io.aestream.scoring.FrameLikelihood;
import io.aestream.scoring.Scorer;
import io.aestream.scoring.Threshold;
import io.aestream.trainer.calibrate.Calibrator;
import io.aestream.trainer.calibrate.NoiseFloor;
import io.aestream.trainer.calibrate.ThresholdMethod;
import io.aestream.trainer.data.TrainingData;
import io.aestream.trainer.eval.PcaBaseline;
import io.aestream.trainer.model.AutoencoderSpec;
import io.aestream.trainer.train.TrainedModel;
import io.aestream.trainer.train.TrainingListener;
import io.aestream.trainer.train.TrainingOptions;
import io.aestream.trainer.train.TrainingSet;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * One training run: fit the model on the training frames, fit the PCA baseline with the same code size on the
 * same frames, and calibrate both thresholds the same way on the same calibration frames.
 *
 * @param calibrationScores the model's scores the threshold was chosen from (for the report's histogram)
 * @param seconds           wall time of fitting
 */
public record TrainingRun(TrainingData data, AutoencoderSpec spec, TrainingOptions options, TrainedModel model,
                          Threshold threshold, PcaBaseline pca, double[] calibrationScores, Map<String, Double> metrics,
                          double seconds) {

    /** Which frames the threshold is calibrated on. */
    public enum CalibrateOn { VALIDATION, TRAIN }

    public static TrainingRun execute(TrainingData data, AutoencoderSpec spec, TrainingOptions options,
                                      TrainingSet.NoisySource noisy, ThresholdMethod method, CalibrateOn on,
                                      ModelFitter fitter, TrainingListener listener) {
        long t0 = System.nanoTime();
        FrameLikelihood likelihood = data.likelihood(spec.architecture().distribution());
        TrainingSet set = data.trainingSet(noisy, likelihood);
        TrainedModel model = fitter.fit(spec, set, options, listener);
        double seconds = (System.nanoTime() - t0) / 1e9;

        int[] calib = calibrationFrames(data, method, on);
        boolean[] labels = method instanceof ThresholdMethod.BestF1 ? frameLabels(data, calib) : null;
        Scorer scorer = new Scorer(model.network(), data.normalizer(), likelihood);
        double[] calibScores = scores(scorer, data, calib);
        double floor = data.columns() == null ? 0 : NoiseFloor.of(data.trainingRows(), data.columns());
        Threshold threshold = NoiseFloor.apply(Calibrator.calibrate(method, calibScores, labels), floor);

        // a code as wide as the input (allowed when the user asks for it) is compared with the full-rank projection
        int components = Math.min(spec.architecture().codeSize(), set.train()[0].length);
        var pcaNetwork = PcaBaseline.fit(set.train(), components);
        Scorer pcaScorer = new Scorer(pcaNetwork, data.normalizer(), likelihood.asGaussian());
        Threshold pcaThreshold = NoiseFloor.apply(Calibrator.calibrate(method, scores(pcaScorer, data, calib), labels), floor);
        PcaBaseline pca = new PcaBaseline(pcaNetwork, pcaThreshold);

        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("train_frames", (double) data.trainFrames().length);
        metrics.put("validation_frames", (double) data.validationFrames().length);
        metrics.put("code_size", (double) model.network().codeSize());
        metrics.put("epochs_run", (double) model.epochsRun());
        metrics.put("best_epoch", (double) model.bestEpoch());
        model.history().stream().filter(e -> e.epoch() == model.bestEpoch()).findFirst().ifPresent(e -> {
            metrics.put("train_loss", e.trainLoss());
            metrics.put("validation_loss", e.validationLoss());
        });
        putStats(metrics, "train_score", scores(scorer, data, data.trainFrames()));
        if (data.validationFrames().length > 0) {
            putStats(metrics, "validation_score", scores(scorer, data, data.validationFrames()));
        }
        metrics.put("pca_threshold", pcaThreshold.value());
        metrics.put("training_seconds", seconds);
        return new TrainingRun(data, spec, options, model, threshold, pca, calibScores, metrics, seconds);
    }

    private static int[] calibrationFrames(TrainingData data, ThresholdMethod method, CalibrateOn on) {
        if (method instanceof ThresholdMethod.BestF1) {
            return data.validationLabelled();
        }
        boolean useTrain = on == CalibrateOn.TRAIN || data.validationFrames().length == 0;
        return useTrain ? data.trainFrames() : data.validationFrames();
    }

    private static boolean[] frameLabels(TrainingData data, int[] frames) {
        boolean[] anomalous = TrainingData.frameAnomalous(data.dataset());
        boolean[] out = new boolean[frames.length];
        for (int i = 0; i < frames.length; i++) {
            out[i] = anomalous[frames[i]];
        }
        return out;
    }

    static double[] scores(Scorer scorer, TrainingData data, int[] frames) {
        return IntStream.of(frames).mapToDouble(i -> scorer.score(data.dataset().frames().frames()[i]).score()).toArray();
    }

    private static void putStats(Map<String, Double> metrics, String name, double[] s) {
        metrics.put(name + "_mean", Arrays.stream(s).average().orElse(Double.NaN));
        metrics.put(name + "_p99", Calibrator.quantile(s, 0.99));
    }
}
