package io.aestream.trainer.report;

import io.aestream.trainer.classify.LearningCurve;

import java.util.List;
import java.util.Locale;

/** A learning curve as a Markdown table: one row per method, one column per number of labels per class (mean ± sd). */
public final class LearningCurveTable {
    private LearningCurveTable() {
    }

    public static String markdown(List<LearningCurve.Point> points) {
        List<String> labels = points.stream().map(LearningCurve.Point::labels).distinct().toList();
        StringBuilder sb = new StringBuilder("| macro-F1 | ");
        labels.forEach(l -> sb.append(l).append(" labels/class | "));
        sb.append('\n').append("|---|").append("---|".repeat(labels.size())).append('\n');
        for (LearningCurve.Method m : points.stream().map(LearningCurve.Point::method).distinct().toList()) {
            sb.append("| ").append(m.label).append(" | ");
            for (String l : labels) {
                points.stream().filter(p -> p.method() == m && p.labels().equals(l)).findFirst().ifPresent(p ->
                        sb.append(String.format(Locale.ROOT, "%.3f ± %.3f | ", p.mean(), p.sd())));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
