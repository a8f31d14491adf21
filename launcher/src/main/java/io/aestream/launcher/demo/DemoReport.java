package io.aestream.launcher.demo;

import io.aestream.bundle.Json;
import io.aestream.launcher.demo.data.ExampleData;
import io.aestream.launcher.demo.data.InjectedAnomaly;
import io.aestream.trainer.data.WavAudio;
import io.aestream.trainer.data.WavIO;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Writes the demo's results next to its data and models: summary.json/.md, one scores CSV per model, the denoised speech. */
final class DemoReport {
    private DemoReport() {
    }

    static void write(Path dir, DemoSummary summary, List<Pipeline> pipelines, OutputMonitor monitor, ExampleData.Files data)
            throws IOException {
        Json.mapper().writerWithDefaultPrettyPrinter().writeValue(dir.resolve("summary.json").toFile(), summary);
        Files.writeString(dir.resolve("summary.md"), summary.toMarkdown());
        for (Pipeline p : pipelines) {
            PipelineStats s = monitor.stats(p);
            writeScores(dir.resolve("scores-" + p.name() + ".csv"), s.scores(), p.audio() ? List.of() : data.evaluation().anomalies());
            if (p.audio()) {
                WavIO.write(dir.resolve("speech-eval-denoised.wav"), new WavAudio(ExampleData.SAMPLE_RATE, s.denoisedAudio()));
            }
        }
    }

    /** {@code ts,score,threshold,anomaly,injected}: injected is 1 on rows inside an injected fault. */
    private static void writeScores(Path file, List<PipelineStats.Score> scores, List<InjectedAnomaly> faults) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("ts,score,threshold,anomaly,injected\n");
            for (PipelineStats.Score s : scores) {
                boolean injected = faults.stream().anyMatch(f -> s.ts() >= f.startTs() && s.ts() <= f.endTs());
                w.write(String.format(Locale.ROOT, "%d,%.6g,%.6g,%d,%d%n", s.ts(), s.score(), s.threshold(), s.anomaly() ? 1 : 0,
                        injected ? 1 : 0));
            }
        }
    }
}
