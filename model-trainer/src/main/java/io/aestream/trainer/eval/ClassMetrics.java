package io.aestream.trainer.eval;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * A classifier's figures from its confusion matrix: accuracy, per-class precision, recall and F1, and macro-F1 (the
 * unweighted mean of the per-class F1, so a rare fault counts as much as a common one).
 *
 * @param confusion {@code confusion[true][predicted]} frame counts, in {@code classes} order
 */
public record ClassMetrics(List<String> classes, long[][] confusion) {

    public static ClassMetrics of(List<String> classes, int[] truth, int[] predicted) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException("predictions: expected one per labelled frame (" + truth.length + "), got "
                    + predicted.length);
        }
        long[][] m = new long[classes.size()][classes.size()];
        for (int i = 0; i < truth.length; i++) {
            m[truth[i]][predicted[i]]++;
        }
        return new ClassMetrics(List.copyOf(classes), m);
    }

    public long frames() {
        long n = 0;
        for (long[] row : confusion) {
            for (long v : row) {
                n += v;
            }
        }
        return n;
    }

    public double accuracy() {
        long right = 0;
        for (int c = 0; c < confusion.length; c++) {
            right += confusion[c][c];
        }
        return (double) right / frames();
    }

    /** Of the frames called {@code c}, the share that are; 0 when none is. */
    public double precision(int c) {
        long called = 0;
        for (long[] row : confusion) {
            called += row[c];
        }
        return called == 0 ? 0 : (double) confusion[c][c] / called;
    }

    /** Of the frames of class {@code c}, the share called {@code c}; NaN when the class has none. */
    public double recall(int c) {
        long n = 0;
        for (long v : confusion[c]) {
            n += v;
        }
        return n == 0 ? Double.NaN : (double) confusion[c][c] / n;
    }

    public double f1(int c) {
        double p = precision(c);
        double r = recall(c);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Mean F1 over the classes present in the truth (a class absent from the evaluated frames has no recall). */
    public double macroF1() {
        double sum = 0;
        int present = 0;
        for (int c = 0; c < classes.size(); c++) {
            if (!Double.isNaN(recall(c))) {
                sum += f1(c);
                present++;
            }
        }
        return sum / present;
    }

    /** Accuracy, macro-F1, per-class precision/recall/F1 and the confusion matrix as text. */
    public void print(PrintWriter w) {
        w.printf(Locale.ROOT, "%d labelled frames, accuracy %.4f, macro-F1 %.4f%n", frames(), accuracy(), macroF1());
        w.printf(Locale.ROOT, "%-20s %9s %9s %9s %9s%n", "class", "frames", "precision", "recall", "F1");
        for (int c = 0; c < classes.size(); c++) {
            long n = java.util.Arrays.stream(confusion[c]).sum();
            w.printf(Locale.ROOT, "%-20s %9d %9.4f %9.4f %9.4f%n", classes.get(c), n, precision(c), recall(c), f1(c));
        }
        w.printf(Locale.ROOT, "confusion (rows: true class, columns: predicted)%n%-20s", "");
        classes.forEach(c -> w.printf(Locale.ROOT, " %12s", abbreviate(c)));
        w.println();
        for (int c = 0; c < classes.size(); c++) {
            w.printf(Locale.ROOT, "%-20s", classes.get(c));
            for (long v : confusion[c]) {
                w.printf(Locale.ROOT, " %12d", v);
            }
            w.println();
        }
        w.flush();
    }

    private static String abbreviate(String s) {
        return s.length() <= 12 ? s : s.substring(0, 12);
    }
}
