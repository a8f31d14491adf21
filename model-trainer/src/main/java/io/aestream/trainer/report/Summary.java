package io.aestream.trainer.report;

import io.aestream.bundle.Manifest;
import io.aestream.trainer.TrainingRun;

import java.util.Locale;
import java.util.Map;

/** The short markdown summary of a training run ({@code report.md}). */
final class Summary {
    private Summary() {
    }

    static String markdown(TrainingRun run, Manifest m) {
        StringBuilder b = new StringBuilder();
        b.append("# Training report: ").append(m.modelVersion()).append("\n\n");
        b.append("| | |\n|---|---|\n");
        row(b, "kind", m.model().kind() + " (" + m.model().distribution().name().toLowerCase(Locale.ROOT) + " output)");
        row(b, "frame spec", m.frameSpec().layout() + ", " + m.frameSpec().inputSize() + " inputs");
        row(b, "encoder", run.spec().architecture().encoderSizes() + choice(m, "encoderChoice"));
        if (m.model().hyperParameters().containsKey("windowChoice")) {
            row(b, "window", String.valueOf(m.model().hyperParameters().get("windowChoice")));
        }
        row(b, "training / validation rows", run.data().split().train() + " / " + run.data().split().validation());
        row(b, "training / validation frames", run.data().trainFrames().length + " / " + run.data().validationFrames().length);
        row(b, "epochs run (best)", run.model().epochsRun() + " (" + run.model().bestEpoch() + ")");
        row(b, "training time", String.format(Locale.ROOT, "%.1f s", run.seconds()));
        row(b, "threshold", String.format(Locale.ROOT, "%.6g (%s %s)", m.threshold().value(), m.threshold().method(),
                m.threshold().parameters()));
        row(b, "PCA baseline threshold (same code size)", String.format(Locale.ROOT, "%.6g", run.pca().threshold().value()));
        if (m.columns() != null) {
            row(b, "columns (type, monitored or context, scaling)", ColumnsText.of(m.columns()));
        }
        row(b, "seed", String.valueOf(m.seed()));
        row(b, "training data SHA-256", m.trainingDataSha256());
        b.append("\n## Metrics\n\n| metric | value |\n|---|---|\n");
        for (Map.Entry<String, Double> e : m.metrics().entrySet()) {
            b.append("| ").append(e.getKey()).append(" | ").append(String.format(Locale.ROOT, "%.6g", e.getValue())).append(" |\n");
        }
        b.append("\n## Plots\n\n![loss](loss.png)\n\n![reconstruction errors](errors.png)\n\n![frames](frames.png)\n\n![codes](codes.png)\n");
        return b.toString();
    }

    /** Why a size was chosen, as the manifest records it, or nothing. */
    private static String choice(Manifest m, String key) {
        Object why = m.model().hyperParameters().get(key);
        return why == null ? "" : " (" + why + ")";
    }

    private static void row(StringBuilder b, String key, String value) {
        b.append("| ").append(key).append(" | ").append(value).append(" |\n");
    }
}
