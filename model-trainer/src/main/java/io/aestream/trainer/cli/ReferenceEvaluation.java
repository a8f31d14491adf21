package io.aestream.trainer.cli;

import io.aestream.bundle.Json;
import io.aestream.bundle.ModelBundle;
import io.aestream.frame.AudioFrameSpec;
import io.aestream.trainer.data.BadInputException;
import io.aestream.trainer.data.InputFiles;
import io.aestream.trainer.data.WavAudio;
import io.aestream.trainer.data.WavIO;
import io.aestream.trainer.eval.speech.Enhancer;
import io.aestream.trainer.eval.speech.SpeechEvaluation;
import io.aestream.trainer.eval.speech.SpeechMetrics;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code evaluate --reference DIR} for an audio model: each input WAV against the clean WAV of the same name in DIR,
 * for the noisy input, the model and the classical baselines (Wiener filter, spectral subtraction) on the same files.
 */
final class ReferenceEvaluation {
    private ReferenceEvaluation() {
    }

    static SpeechEvaluation run(ModelBundle bundle, List<Path> inputs, Path referenceDir) {
        if (!(bundle.manifest().frameSpec() instanceof AudioFrameSpec spec)) {
            throw new IllegalArgumentException("reference: --reference compares audio with clean recordings; "
                    + bundle.version() + " is a " + bundle.manifest().frameSpec().layout() + " model");
        }
        List<SpeechEvaluation.Pair> pairs = new ArrayList<>();
        for (Path f : InputFiles.expand(inputs).files()) {
            Path ref = referenceDir.resolve(f.getFileName().toString());
            if (!Files.isRegularFile(ref)) {
                throw BadInputException.inFile(f, "no clean reference " + ref);
            }
            WavAudio noisy = WavIO.read(f);
            WavAudio clean = WavIO.read(ref);
            if (noisy.sampleRate() != spec.sampleRate() || clean.samples().length != noisy.samples().length) {
                throw BadInputException.inFile(f, "expected " + spec.sampleRate() + " Hz and the length of " + ref + " ("
                        + clean.samples().length + " samples), found " + noisy.sampleRate() + " Hz, " + noisy.samples().length);
            }
            pairs.add(new SpeechEvaluation.Pair(f.getFileName().toString(), noisy.samples(), clean.samples()));
        }
        return SpeechEvaluation.run(pairs, List.of(Enhancer.noisy(), Enhancer.model(bundle), Enhancer.wiener(spec),
                Enhancer.spectralSubtraction(spec)));
    }

    static void print(PrintWriter w, String modelVersion, int files, Map<String, SpeechMetrics> means) {
        w.printf(Locale.ROOT, "%s, %d files, means in dB%n", modelVersion, files);
        w.printf(Locale.ROOT, "%-22s %10s %14s %10s%n", "", "SNR", "segmental SNR", "SI-SDR");
        means.forEach((name, m) -> w.printf(Locale.ROOT, "%-22s %10.2f %14.2f %10.2f%n", name, m.snrDb(), m.segmentalSnrDb(), m.siSdrDb()));
        w.flush();
    }

    static int execute(InputOptions input, Path referenceDir, Path json, PrintWriter out) throws IOException {
        ModelBundle bundle = input.bundle();
        SpeechEvaluation e = run(bundle, input.inputs, referenceDir);
        print(out, bundle.version(), e.perFile().size(), e.means());
        if (json != null) {
            Json.mapper().writeValue(json.toFile(), e);
        }
        return 0;
    }
}
