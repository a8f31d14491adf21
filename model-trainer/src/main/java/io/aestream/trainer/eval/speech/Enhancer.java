package io.aestream.trainer.eval.speech;

import io.aestream.bundle.ModelBundle;
import io.aestream.enhance.SpectralSubtraction;
import io.aestream.enhance.WienerFilter;
import io.aestream.frame.AudioFrameSpec;
import io.aestream.frame.AudioProcessor;

/**
 * A named way to turn a noisy signal into an estimate of the clean one: the noisy input itself, the model (the
 * stream's own {@link AudioProcessor}), and the classical baselines on the same STFT framing as the model.
 */
public record Enhancer(String name, java.util.function.UnaryOperator<double[]> apply) {

    public static Enhancer noisy() {
        return new Enhancer("noisy", double[]::clone);
    }

    public static Enhancer model(ModelBundle bundle) {
        AudioFrameSpec spec = (AudioFrameSpec) bundle.manifest().frameSpec();
        AudioProcessor p = new AudioProcessor(spec, bundle.newScorer());
        return new Enhancer("model", x -> p.denoise(x, (i, s) -> { }));
    }

    public static Enhancer wiener(AudioFrameSpec spec) {
        AudioProcessor p = new AudioProcessor(spec.withMask(null), null);
        return new Enhancer("wiener", x -> p.enhance(x, new WienerFilter(spec.bins(), hopSeconds(spec))));
    }

    public static Enhancer spectralSubtraction(AudioFrameSpec spec) {
        AudioProcessor p = new AudioProcessor(spec.withMask(null), null);
        return new Enhancer("spectral-subtraction", x -> p.enhance(x, new SpectralSubtraction(spec.bins(), hopSeconds(spec))));
    }

    private static double hopSeconds(AudioFrameSpec spec) {
        return (double) spec.hop() / spec.sampleRate();
    }
}
