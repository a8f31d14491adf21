package io.aestream.trainer.report;

import io.aestream.scoring.DenseNetwork;
import io.aestream.scoring.ForwardPass;
import io.aestream.trainer.TrainingRun;
import io.aestream.trainer.data.TrainingData;
import io.aestream.trainer.eval.PcaBaseline;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * {@code codes.png}: the code h of the input's frames (at most {@link #POINTS}, evenly spaced), projected on its first
 * two principal components, as a scatter plot; coloured normal / anomalous when the input has a label column. Shows
 * whether the undercomplete code separates what the labels separate.
 */
final class CodeChart {
    static final int POINTS = 4000;

    private CodeChart() {
    }

    static XYChart of(TrainingRun run) {
        TrainingData data = run.data();
        int frames = data.dataset().frames().size();
        int[] picked = IntStream.range(0, Math.min(POINTS, frames)).map(i -> (int) ((long) i * frames / Math.min(POINTS, frames)))
                .toArray();
        double[][] codes = codes(run.model().network(), data.normalized(picked));
        double[][] xy = project(codes);
        boolean[] anomalous = TrainingData.frameAnomalous(data.dataset());
        boolean labelled = data.dataset().rowLabels() != null;
        XYChart c = new XYChartBuilder().width(640).height(480)
                .title("Code h (" + codes[0].length + "-d), first two principal components")
                .xAxisTitle("PC 1").yAxisTitle(codes[0].length > 1 ? "PC 2" : "(one-dimensional code)").build();
        c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        c.getStyler().setMarkerSize(3);
        for (boolean anomaly : labelled ? new boolean[] {false, true} : new boolean[] {false}) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (int i = 0; i < picked.length; i++) {
                if (!labelled || anomalous[picked[i]] == anomaly) {
                    x.add(xy[i][0]);
                    y.add(xy[i][1]);
                }
            }
            if (!x.isEmpty()) {
                c.addSeries(!labelled ? "frames" : anomaly ? "anomalous" : "normal", x, y);
            }
        }
        return c;
    }

    private static double[][] codes(DenseNetwork network, double[][] normalized) {
        ForwardPass forward = new ForwardPass(network);
        double[] out = new double[network.outputSize()];
        double[][] codes = new double[normalized.length][];
        for (int i = 0; i < normalized.length; i++) {
            forward.reconstruct(normalized[i], out);
            codes[i] = forward.code().clone();
        }
        return codes;
    }

    /** The codes on their first two principal components (the second 0 for a one-dimensional code). */
    private static double[][] project(double[][] codes) {
        int k = Math.min(2, codes[0].length);
        ForwardPass pca = new ForwardPass(PcaBaseline.fit(codes, k));
        double[] out = new double[codes[0].length];
        double[][] xy = new double[codes.length][2];
        for (int i = 0; i < codes.length; i++) {
            pca.reconstruct(codes[i], out);
            System.arraycopy(pca.code(), 0, xy[i], 0, k);
        }
        return xy;
    }
}
