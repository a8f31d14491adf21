package io.aestream.trainer.report;

import io.aestream.bundle.Manifest;
import io.aestream.scoring.ForwardPass;
import io.aestream.trainer.TrainingRun;
import io.aestream.trainer.model.AutoencoderSpec;
import io.aestream.trainer.model.Corruption;
import io.aestream.trainer.train.EpochStats;
import io.aestream.trainer.train.TrainingSet;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.Histogram;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The training report next to a bundle: {@code loss.png} (training and validation loss per epoch),
 * {@code errors.png} (histogram of the calibration scores with the threshold), {@code frames.png} (a few
 * training frames: original, corrupted when the model is denoising, reconstructed), {@code codes.png} (the codes of
 * the input's frames on their first two principal components, see {@link CodeChart}) and {@code report.md}.
 */
public final class ReportWriter {
    private static final int FRAMES = 3;

    private ReportWriter() {
    }

    public static void write(Path dir, TrainingRun run, Manifest manifest, TrainingSet.NoisySource noisy) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Files.createDirectories(dir);
        BitmapEncoder.saveBitmap(lossChart(run.model().history()), dir.resolve("loss.png").toString(), BitmapEncoder.BitmapFormat.PNG);
        BitmapEncoder.saveBitmap(errorChart(run), dir.resolve("errors.png").toString(), BitmapEncoder.BitmapFormat.PNG);
        BitmapEncoder.saveBitmap(frameCharts(run, noisy), 1, FRAMES, dir.resolve("frames.png").toString(),
                BitmapEncoder.BitmapFormat.PNG);
        BitmapEncoder.saveBitmap(CodeChart.of(run), dir.resolve("codes.png").toString(), BitmapEncoder.BitmapFormat.PNG);
        Files.writeString(dir.resolve("report.md"), Summary.markdown(run, manifest));
    }

    private static XYChart lossChart(List<EpochStats> history) {
        XYChart c = new XYChartBuilder().width(640).height(400).title("Loss per epoch").xAxisTitle("epoch").yAxisTitle("loss").build();
        double[] epochs = history.stream().mapToDouble(EpochStats::epoch).toArray();
        c.addSeries("train", epochs, history.stream().mapToDouble(EpochStats::trainLoss).toArray());
        double[] val = history.stream().mapToDouble(EpochStats::validationLoss).toArray();
        if (Arrays.stream(val).allMatch(Double::isFinite)) {
            c.addSeries("validation", epochs, val);
        }
        return c;
    }

    private static XYChart errorChart(TrainingRun run) {
        double[] s = run.calibrationScores();
        double max = Math.max(Arrays.stream(s).max().orElse(1), run.threshold().value()) * 1.05;
        double min = Math.min(Arrays.stream(s).min().orElse(0), run.threshold().value());
        Histogram h = new Histogram(Arrays.stream(s).boxed().toList(), 40, min, max);
        XYChart c = new XYChartBuilder().width(640).height(400).title("Reconstruction error (calibration frames)")
                .xAxisTitle("score").yAxisTitle("frames").build();
        XYSeries bars = c.addSeries("frames", h.getxAxisData(), h.getyAxisData());
        bars.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.StepArea);
        bars.setMarker(SeriesMarkers.NONE);
        double top = h.getyAxisData().stream().mapToDouble(Double::doubleValue).max().orElse(1);
        XYSeries line = c.addSeries("threshold (" + run.threshold().method() + ")",
                new double[] {run.threshold().value(), run.threshold().value()}, new double[] {0, top});
        line.setMarker(SeriesMarkers.NONE);
        return c;
    }

    private static List<XYChart> frameCharts(TrainingRun run, TrainingSet.NoisySource noisy) {
        int[] rows = IntStream.range(0, Math.min(FRAMES, run.data().trainFrames().length)).toArray();
        double[][] clean = run.data().normalized(Arrays.stream(rows).map(r -> run.data().trainFrames()[r]).toArray());
        double[][] corrupted = corrupted(run, rows, clean, noisy);
        ForwardPass forward = new ForwardPass(run.model().network());
        List<XYChart> charts = new ArrayList<>();
        for (int i = 0; i < FRAMES; i++) {
            XYChart c = new XYChartBuilder().width(480).height(320).title("training frame " + i)
                    .xAxisTitle("feature").yAxisTitle("normalized value").build();
            if (i < clean.length) {
                double[] input = corrupted == null ? clean[i] : corrupted[i];
                double[] out = new double[input.length];
                forward.reconstruct(input, out);
                addLine(c, "original", clean[i]);
                if (corrupted != null) {
                    addLine(c, "corrupted", corrupted[i]);
                }
                addLine(c, "reconstructed", out);
            }
            charts.add(c);
        }
        return charts;
    }

    private static double[][] corrupted(TrainingRun run, int[] rows, double[][] clean, TrainingSet.NoisySource noisy) {
        if (!(run.spec() instanceof AutoencoderSpec.Denoising d)) {
            return null;
        }
        SplittableRandom rng = new SplittableRandom(run.options().seed());
        if (d.corruption() instanceof Corruption.Recordings) {
            return noisy == null ? null : noisy.noisy(TrainingSet.Part.TRAIN, rows, rng);
        }
        double[][] train = run.data().normalized(run.data().trainFrames());
        int n = clean.length == 0 ? 0 : clean[0].length;
        double[] low = new double[n];
        double[] high = new double[n];
        for (int j = 0; j < n; j++) {
            final int col = j;
            low[j] = Arrays.stream(train).mapToDouble(r -> r[col]).min().orElse(0);
            high[j] = Arrays.stream(train).mapToDouble(r -> r[col]).max().orElse(0);
        }
        return Arrays.stream(clean).map(x -> CorruptionPreview.corrupt(d.corruption(), x, low, high, rng)).toArray(double[][]::new);
    }

    private static void addLine(XYChart c, String name, double[] y) {
        XYSeries s = c.addSeries(name, y);
        s.setMarker(SeriesMarkers.NONE);
    }
}
