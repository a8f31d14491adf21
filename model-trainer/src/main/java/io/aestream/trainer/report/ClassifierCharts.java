package io.aestream.trainer.report;

import io.aestream.trainer.classify.LearningCurve;
import io.aestream.trainer.eval.ClassMetrics;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** PNG charts of a classifier's evaluation: the confusion matrix and the learning curve. */
public final class ClassifierCharts {
    private ClassifierCharts() {
    }

    /** Rows: the true class, columns: the predicted one; cells: the share of the true class's frames. */
    public static void confusion(ClassMetrics m, Path png) throws IOException {
        HeatMapChart c = new HeatMapChartBuilder().width(640).height(560)
                .title(String.format(java.util.Locale.ROOT, "Confusion (accuracy %.3f, macro-F1 %.3f)", m.accuracy(), m.macroF1()))
                .xAxisTitle("predicted").yAxisTitle("true").build();
        List<Number[]> cells = new ArrayList<>();
        for (int t = 0; t < m.classes().size(); t++) {
            double n = java.util.Arrays.stream(m.confusion()[t]).sum();
            for (int p = 0; p < m.classes().size(); p++) {
                cells.add(new Number[] {p, t, n == 0 ? 0 : m.confusion()[t][p] / n});
            }
        }
        c.getStyler().setShowValue(true).setMin(0).setMax(1);
        c.addSeries("share of the true class", m.classes(), m.classes(), cells);
        BitmapEncoder.saveBitmap(c, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    /** Mean macro-F1 per method against labels per class, one evenly spaced step per count ("all" last). */
    public static void learningCurve(List<LearningCurve.Point> points, Path png) throws IOException {
        XYChart c = new XYChartBuilder().width(640).height(420).title("Learning curve").xAxisTitle("labels per class (last: all)")
                .yAxisTitle("macro-F1 (mean ± sd over seeds)").build();
        List<Integer> counts = points.stream().map(LearningCurve.Point::labelsPerClass).distinct().sorted().toList();
        for (LearningCurve.Method m : points.stream().map(LearningCurve.Point::method).distinct().toList()) {
            List<LearningCurve.Point> mine = points.stream().filter(p -> p.method() == m).toList();
            double[] x = new double[mine.size()];
            double[] y = new double[mine.size()];
            double[] e = new double[mine.size()];
            for (int i = 0; i < x.length; i++) {
                LearningCurve.Point p = mine.get(i);
                x[i] = counts.indexOf(p.labelsPerClass()) + 1;
                y[i] = p.mean();
                e[i] = p.sd();
            }
            c.addSeries(m.label, x, y, e);
        }
        BitmapEncoder.saveBitmap(c, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
