package io.aestream.trainer.speech;

import io.aestream.bundle.Manifest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The training report of a mask model: {@code report.md} (settings, result) and {@code history.csv} (loss per epoch). */
public final class MaskReport {
    private MaskReport() {
    }

    public static void write(Path dir, Manifest manifest, MaskTrainer.Result r) throws IOException {
        Files.createDirectories(dir);
        StringBuilder csv = new StringBuilder("epoch,train_loss,validation_loss\n");
        for (MaskTrainer.Epoch e : r.history()) {
            csv.append(String.format(Locale.ROOT, "%d,%.6g,%.6g%n", e.epoch(), e.trainLoss(), e.validationLoss()));
        }
        Files.writeString(dir.resolve("history.csv"), csv);
        StringBuilder md = new StringBuilder();
        md.append("# ").append(manifest.modelVersion()).append("\n\n");
        md.append("Speech mask model: gains in [g_min, 1] on the noisy magnitude, trained on mixtures drawn afresh every epoch,")
                .append(" loss = mean of |X|²-weighted squared error against the phase-sensitive mask.\n\n");
        md.append("- frame spec: `").append(manifest.frameSpec()).append("`\n");
        md.append(String.format(Locale.ROOT, "- network: %d inputs → %s → %d gains%n", r.network().inputSize(),
                r.network().layers().subList(0, r.network().layers().size() - 1).stream().map(l -> String.valueOf(l.outputs())).toList(),
                r.network().outputSize()));
        md.append(String.format(Locale.ROOT, "- best epoch %d of %d, validation loss %.5f, %.0f s%n", r.bestEpoch(),
                r.history().size() - 1, r.history().get(r.bestEpoch()).validationLoss(), r.seconds()));
        md.append("- hyper-parameters: `").append(manifest.model().hyperParameters()).append("`\n\n");
        md.append("| epoch | train loss | validation loss |\n|---|---|---|\n");
        for (MaskTrainer.Epoch e : r.history()) {
            md.append(String.format(Locale.ROOT, "| %d | %.5f | %.5f |%n", e.epoch(), e.trainLoss(), e.validationLoss()));
        }
        Files.writeString(dir.resolve("report.md"), md);
    }
}
