package io.aestream.trainer.speech;

import io.aestream.frame.AudioFrameSpec;
import io.aestream.frame.AudioProcessor;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Training rows of the mask model, one per STFT frame of freshly drawn mixtures: the model input exactly as the stream
 * computes it (running normalization and context start with each crop, as they start with a stream), the
 * phase-sensitive target t = clip(|S| / |X| · cos(φ_S − φ_X), 0, 1) and the loss weight |X|² / mean |X|² of the crop
 * (so the squared mask error approximates the squared error of the complex spectrum, whatever the crop's level).
 */
final class MaskExamples {
    record Rows(double[][] inputs, double[][] targets, double[][] weights) {
        int size() {
            return inputs.length;
        }
    }

    private final AudioProcessor noisyAnalysis;
    private final AudioProcessor cleanAnalysis;

    MaskExamples(AudioFrameSpec spec) {
        this.noisyAnalysis = new AudioProcessor(spec, null);
        this.cleanAnalysis = new AudioProcessor(spec.withMask(null), null);
    }

    Rows draw(Mixer mixer, int mixtures, SplittableRandom rng) {
        List<double[]> in = new ArrayList<>();
        List<double[]> tg = new ArrayList<>();
        List<double[]> wt = new ArrayList<>();
        for (int m = 0; m < mixtures; m++) {
            add(mixer.draw(rng), in, tg, wt);
        }
        return new Rows(in.toArray(double[][]::new), tg.toArray(double[][]::new), wt.toArray(double[][]::new));
    }

    private void add(Mixer.Mixture mix, List<double[]> in, List<double[]> tg, List<double[]> wt) {
        AudioProcessor.Analysis x = noisyAnalysis.analyze(mix.noisy());
        AudioProcessor.Analysis s = cleanAnalysis.analyze(mix.clean());
        int frames = x.inputs().length;
        int bins = x.magnitude().length == 0 ? 0 : x.magnitude()[0].length;
        double mean = 0;
        for (double[] mag : x.magnitude()) {
            for (double v : mag) {
                mean += v * v;
            }
        }
        mean /= Math.max(1, frames * bins);
        if (!(mean > 0)) {
            return;
        }
        for (int t = 0; t < frames; t++) {
            double[] target = new double[bins];
            double[] weight = new double[bins];
            for (int k = 0; k < bins; k++) {
                double xm = x.magnitude()[t][k];
                double ratio = xm > 0 ? s.magnitude()[t][k] / xm * Math.cos(s.phase()[t][k] - x.phase()[t][k]) : 0;
                target[k] = Math.max(0, Math.min(1, ratio));
                weight[k] = xm * xm / mean;
            }
            in.add(x.inputs()[t]);
            tg.add(target);
            wt.add(weight);
        }
    }
}
