package io.aestream.trainer.cli;

import io.aestream.frame.AudioFeature;
import io.aestream.frame.AudioFrameSpec;
import io.aestream.frame.GainMask;
import io.aestream.trainer.data.BadInputException;
import io.aestream.trainer.data.Dataset;
import io.aestream.trainer.data.WavAudio;
import io.aestream.trainer.data.WavIO;
import io.aestream.trainer.model.AutoencoderSpec;
import io.aestream.trainer.model.Corruption;
import io.aestream.trainer.speech.MaskTrainer;
import io.aestream.trainer.train.TrainingOptions;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code train --audio-model mask}: the speech denoiser that predicts gains on the noisy magnitude (see {@link GainMask})
 * instead of reconstructing the features; its inputs, and how it is trained on mixtures drawn afresh every epoch.
 */
public final class MaskOptions {
    @Option(names = "--audio-model", defaultValue = "reconstruction",
            description = "audio denoising: reconstruction (the network outputs clean log features) or mask (it outputs gains"
                    + " in [gain-floor, 1] on the noisy magnitude; needs --kind denoising --corruption recordings:…) (default ${DEFAULT-VALUE})")
    String audioModel;
    @Option(names = "--hidden", split = ",", defaultValue = "256,256",
            description = "mask: hidden ReLU layer sizes (the encoder; --encoder is for the other models) (default ${DEFAULT-VALUE})")
    List<Integer> hidden;
    @Option(names = "--context", defaultValue = "4", description = "mask: previous frames in the input (causal; default ${DEFAULT-VALUE})")
    int context;
    @Option(names = "--deltas", description = "mask: add the difference to the previous frame to the input")
    boolean deltas;
    @Option(names = "--noise-estimate", description = "mask: add the minimum-statistics noise estimate to the input (off by"
            + " default: on the development benchmark it changed SI-SDR by less than 0.2 dB and costs a sixth more compute)")
    boolean noiseEstimate;
    @Option(names = "--gain-floor", defaultValue = "0.1", description = "mask: smallest gain (default ${DEFAULT-VALUE})")
    double gainFloor;
    @Option(names = "--normalization-seconds", defaultValue = "2",
            description = "mask: time constant of the running per-band mean of the log features (default ${DEFAULT-VALUE})")
    double normalizationSeconds;
    @Option(names = "--gain-range-db", defaultValue = "20", description = "mask: random training gain ±dB (default ${DEFAULT-VALUE})")
    double gainRangeDb;
    @Option(names = "--crop-seconds", defaultValue = "3", description = "mask: length of one training mixture (default ${DEFAULT-VALUE})")
    double cropSeconds;
    @Option(names = "--mixtures-per-epoch", defaultValue = "300", description = "mask: fresh mixtures per epoch (default ${DEFAULT-VALUE})")
    int mixturesPerEpoch;
    @Option(names = "--validation-mixtures", defaultValue = "60",
            description = "mask: held-out mixtures for early stopping (default ${DEFAULT-VALUE})")
    int validationMixtures;

    boolean enabled() {
        return switch (audioModel.toLowerCase(Locale.ROOT)) {
            case "mask" -> true;
            case "reconstruction" -> false;
            default -> throw new IllegalArgumentException("audio-model: must be reconstruction or mask, got '" + audioModel + "'");
        };
    }

    /** The dataset's framing with this mask. */
    AudioFrameSpec spec(Dataset data) {
        if (!(data.spec() instanceof AudioFrameSpec a)) {
            throw new BadInputException("audio-model mask: needs WAV input");
        }
        if (a.feature() != AudioFeature.LOG_MAGNITUDE) {
            throw new IllegalArgumentException("audio-model mask: trains on --feature log-magnitude, got " + a.feature());
        }
        return a.withMask(new GainMask(context, deltas, noiseEstimate, gainFloor, normalizationSeconds));
    }

    /** The noise recordings of {@code --corruption recordings:DIR:min:max}. */
    static Corruption.Recordings recordings(AutoencoderSpec spec) {
        if (spec instanceof AutoencoderSpec.Denoising d && d.corruption() instanceof Corruption.Recordings r) {
            return r;
        }
        throw new IllegalArgumentException("audio-model mask: needs --kind denoising --corruption recordings:DIR:minSNR:maxSNR");
    }

    MaskTrainer.Settings settings(AutoencoderSpec spec, TrainingOptions optim) {
        Corruption.Recordings r = recordings(spec);
        return new MaskTrainer.Settings(hidden, r.snrMinDb(), r.snrMaxDb(), gainRangeDb, cropSeconds,
                mixturesPerEpoch, validationMixtures, optim);
    }

    static List<double[]> noise(Corruption.Recordings r, int sampleRate) {
        List<double[]> out = new ArrayList<>();
        for (String f : r.noiseFiles()) {
            WavAudio a = WavIO.read(Path.of(f));
            if (a.sampleRate() != sampleRate) {
                throw BadInputException.inFile(Path.of(f), "noise at " + a.sampleRate() + " Hz, the speech is at " + sampleRate);
            }
            out.add(a.samples());
        }
        return out;
    }
}
