package io.aestream.trainer.eval.early;

import io.aestream.adaptive.AdaptiveConfig;
import io.aestream.adaptive.AdaptiveDetector;
import io.aestream.adaptive.AdaptiveResult;
import io.aestream.adaptive.AdaptiveState;
import io.aestream.adaptive.FineTuneWorker;
import io.aestream.scoring.Distribution;
import io.aestream.scoring.Threshold;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Runs one detector configuration over one synthetic series the way {@code score --adaptive} would (one
 * {@link AdaptiveDetector#step} per row from the first row on) and scores the rows after the training part.
 */
public final class DriftBenchmark {
    static final double BUNDLE_QUANTILE = 0.995;

    private final SyntheticDriftSuite.Series series;
    private final LinearAutoencoder.Fitted model;
    private final Threshold threshold;

    DriftBenchmark(SyntheticDriftSuite.Series series) {
        this.series = series;
        this.model = LinearAutoencoder.fit(Arrays.copyOf(series.frames(), series.trainRows()), 2);
        this.threshold = trainingThreshold();
    }

    /** What a trainer would store: the 0.995 quantile of the training rows' scores. */
    private Threshold trainingThreshold() {
        AdaptiveDetector det = detector(AdaptiveConfig.fixed(), new Threshold(0, "none", Map.of()));
        AdaptiveState state = det.newState();
        double[] scores = new double[series.trainRows()];
        for (int t = 0; t < scores.length; t++) {
            scores[t] = det.step(state, series.frames()[t], t).score();
        }
        Arrays.sort(scores);
        return new Threshold(scores[(int) Math.ceil(BUNDLE_QUANTILE * scores.length) - 1], "quantile",
                Map.of("q", BUNDLE_QUANTILE));
    }

    private AdaptiveDetector detector(AdaptiveConfig config, Threshold t) {
        return new AdaptiveDetector(model.network(), model.normalizer(), Distribution.GAUSSIAN, t, "synthetic", config,
                FineTuneWorker.inline());
    }

    /** Per evaluated row (after training): score, likelihood and flag. */
    record Run(double[] scores, double[] likelihoods, boolean[] flags, boolean[] labels) {

        double f1() {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (int i = 0; i < flags.length; i++) {
                tp += flags[i] && labels[i] ? 1 : 0;
                fp += flags[i] && !labels[i] ? 1 : 0;
                fn += !flags[i] && labels[i] ? 1 : 0;
            }
            return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
        }

        EarlyDetectionResult early(CostProfile profile) {
            return EarlyDetectionScore.score(AnomalyWindow.fromLabels(labels, 0, 0), flags, profile);
        }
    }

    Run run(AdaptiveConfig config) {
        AdaptiveDetector det = detector(config, threshold);
        AdaptiveState state = det.newState();
        int from = series.trainRows();
        int n = series.frames().length - from;
        double[] scores = new double[n];
        double[] likelihoods = new double[n];
        boolean[] flags = new boolean[n];
        for (int t = 0; t < series.frames().length; t++) {
            AdaptiveResult r = det.step(state, series.frames()[t], t);
            if (t >= from) {
                scores[t - from] = r.score();
                likelihoods[t - from] = r.likelihood();
                flags[t - from] = r.anomaly();
            }
        }
        return new Run(scores, likelihoods, flags, Arrays.copyOfRange(series.labels(), from, series.labels().length));
    }

    /**
     * False alarms (flagged rows outside labelled faults) of the loosest-but-needed cut on {@code values}: the
     * highest cut that still flags at least {@code recall} of the labelled rows.
     */
    public static int falseAlarmsAtRecall(double[] values, boolean[] labels, double recall) {
        double[] positives = new double[countTrue(labels)];
        int k = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i]) {
                positives[k++] = values[i];
            }
        }
        Arrays.sort(positives);
        int needed = (int) Math.ceil(recall * positives.length);
        double cut = positives[positives.length - needed];
        int fp = 0;
        for (int i = 0; i < labels.length; i++) {
            fp += !labels[i] && values[i] >= cut ? 1 : 0;
        }
        return fp;
    }

    private static int countTrue(boolean[] b) {
        int n = 0;
        for (boolean v : b) {
            n += v ? 1 : 0;
        }
        return n;
    }

    public static List<Long> seeds() {
        return List.of(11L, 23L, 37L, 41L, 53L);
    }
}
