package io.aestream.trainer.data;

import io.aestream.frame.AudioFrameSpec;
import io.aestream.frame.AudioProcessor;
import io.aestream.scoring.Normalizer;
import io.aestream.trainer.train.TrainingSet;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The corruption C(x̃ | x) of an audio denoising autoencoder: each requested training frame is re-cut from its
 * clean recording with a random stretch of a noise recording added on the waveform at a random SNR in
 * [snrMinDb, snrMaxDb] (relative to the whole clean recording's power, so quiet frames get really noisy),
 * then turned into normalized features the same way as clean frames. Validation frames are corrupted the same
 * way, so that a denoising model's validation loss measures denoising.
 */
public final class NoisyAudio implements TrainingSet.NoisySource {
    private final AudioFrameSpec spec;
    private final Dataset clean;
    private final int[] trainFrames;
    private final int[] validationFrames;
    private final List<WavAudio> noise;
    private final double snrMinDb;
    private final double snrMaxDb;
    private final Normalizer normalizer;
    private final double[] cleanPower;

    public NoisyAudio(TrainingData data, List<WavAudio> noise, double snrMinDb, double snrMaxDb) {
        this.spec = (AudioFrameSpec) data.dataset().spec();
        this.clean = data.dataset();
        this.trainFrames = data.trainFrames();
        this.validationFrames = data.validationFrames();
        this.noise = List.copyOf(noise);
        this.snrMinDb = snrMinDb;
        this.snrMaxDb = snrMaxDb;
        this.normalizer = data.normalizer();
        this.cleanPower = clean.audio().stream().mapToDouble(a -> power(a.samples(), 0, a.samples().length)).toArray();
        for (WavAudio n : noise) {
            if (n.sampleRate() != spec.sampleRate() || n.samples().length < spec.frameLength()) {
                throw new BadInputException("noise recording: must be " + spec.sampleRate() + " Hz and at least "
                        + spec.frameLength() + " samples long, got " + n.sampleRate() + " Hz, " + n.samples().length + " samples");
            }
        }
    }

    @Override
    public double[][] noisy(TrainingSet.Part part, int[] rows, SplittableRandom rng) {
        double[][] raw = rawNoisy(part, rows, rng);
        for (double[] f : raw) {
            normalizer.normalize(f, f);
        }
        return raw;
    }

    /** Noisy features in raw (unnormalized) units, for fitting a normalizer that covers noisy input too. */
    public double[][] rawNoisy(TrainingSet.Part part, int[] rows, SplittableRandom rng) {
        int[] source = part == TrainingSet.Part.TRAIN ? trainFrames : validationFrames;
        AudioProcessor processor = new AudioProcessor(spec, null);
        int n = spec.frameLength();
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            int frame = source[rows[i]];
            int file = clean.frames().file()[frame];
            double[] signal = clean.audio().get(file).samples();
            int end = (clean.frames().localRow(frame) + 1) * spec.hop(); // frame j covers samples [end - n, end)
            double[] span = new double[n];
            for (int k = 0; k < n; k++) {
                int s = end - n + k;
                span[k] = s >= 0 && s < signal.length ? signal[s] : 0.0;
            }
            addNoise(span, cleanPower[file], rng);
            List<double[]> frames = processor.features(span);
            out[i] = frames.get(frames.size() - 1);
        }
        return out;
    }

    private void addNoise(double[] span, double signalPower, SplittableRandom rng) {
        double[] source = noise.get(rng.nextInt(noise.size())).samples();
        int offset = rng.nextInt(source.length - span.length + 1);
        double noisePower = power(source, offset, span.length);
        if (noisePower <= 0 || signalPower <= 0) {
            return;
        }
        double snrDb = snrMinDb + (snrMaxDb - snrMinDb) * rng.nextDouble();
        double gain = Math.sqrt(signalPower / (noisePower * Math.pow(10, snrDb / 10)));
        for (int k = 0; k < span.length; k++) {
            span[k] += gain * source[offset + k];
        }
    }

    private static double power(double[] s, int from, int len) {
        double acc = 0;
        for (int k = from; k < from + len; k++) {
            acc += s[k] * s[k];
        }
        return len == 0 ? 0 : acc / len;
    }
}
