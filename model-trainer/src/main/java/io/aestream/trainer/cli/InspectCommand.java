package io.aestream.trainer.cli;

import io.aestream.bundle.BundleIO;
import io.aestream.bundle.Json;
import io.aestream.bundle.Manifest;
import io.aestream.bundle.ModelBundle;
import io.aestream.scoring.DenseLayer;
import io.aestream.trainer.report.ColumnsText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code inspect}: a verified bundle's manifest in readable form (or as JSON). */
@Command(name = "inspect", mixinStandardHelpOptions = true, description = "Print a bundle's manifest.")
public class InspectCommand extends BaseCommand {
    @Option(names = "--model", required = true, description = "bundle directory or zip")
    Path model;
    @Option(names = "--json", description = "print the manifest as JSON")
    boolean json;

    @Override
    protected int run() throws Exception {
        ModelBundle bundle = BundleIO.read(model);
        Manifest m = bundle.manifest();
        PrintWriter w = out();
        if (json) {
            w.println(Json.mapper().writeValueAsString(m));
            w.flush();
            return 0;
        }
        w.printf("model        %s (format %d), created %s%n", m.modelVersion(), m.formatVersion(), m.createdAt());
        w.printf("kind         %s, %s output, tied weights %s%n", m.model().kind(),
                m.model().distribution().name().toLowerCase(Locale.ROOT), m.model().tiedWeights());
        w.printf("layers       %s%n", layers(bundle.network().layers()));
        w.printf("frame spec   %s%n", Json.mapper().writer().withoutFeatures(
                com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(m.frameSpec()));
        List<String> f = m.featureNames();
        w.printf("features     %d: %s%s%n", f.size(), String.join(", ", f.subList(0, Math.min(8, f.size()))), f.size() > 8 ? ", …" : "");
        w.printf("normalizer   %s%n", m.normalizer().getClass().getSimpleName().toLowerCase(Locale.ROOT));
        if (m.columns() != null) {
            w.printf("columns      %s%n", ColumnsText.of(m.columns()));
        }
        w.printf(Locale.ROOT, "threshold    %.6g (%s %s)%n", m.threshold().value(), m.threshold().method(), m.threshold().parameters());
        w.printf("seed         %d%n", m.seed());
        w.printf("data sha256  %s%n", m.trainingDataSha256());
        section(w, "hyper-parameters", m.model().hyperParameters());
        section(w, "metrics", m.metrics());
        section(w, "libraries", m.libraryVersions());
        section(w, "files (sha256)", m.files());
        w.flush();
        return 0;
    }

    private static String layers(List<DenseLayer> layers) {
        StringBuilder b = new StringBuilder().append(layers.get(0).inputs());
        for (DenseLayer l : layers) {
            b.append(" → ").append(l.outputs()).append(' ').append(l.activation().name().toLowerCase(Locale.ROOT));
        }
        return b.toString();
    }

    private static void section(PrintWriter w, String title, Map<String, ?> values) {
        w.println(title);
        values.forEach((k, v) -> w.printf(Locale.ROOT, "  %-24s %s%n", k,
                v instanceof Double d ? String.format(Locale.ROOT, "%.6g", d) : v));
    }
}
