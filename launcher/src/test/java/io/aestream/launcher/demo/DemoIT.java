package io.aestream.launcher.demo;

import io.aestream.cli.ExitCodes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aestream.launcher.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The quickstart end to end, in-process: broker, example data, training, three stream apps, report. */
class DemoIT {

    @Test
    void shouldFindInjectedAnomaliesAndImproveSnrWhenDemoRunsToCompletion(@TempDir Path tmp) throws Exception {
        // Given the demo's command line, writing into a fresh folder
        Path out = tmp.resolve("demo-out");
        StringWriter console = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(console, true));

        // When it runs until all example data is through
        int exit = cl.execute("demo", "--duration", "0", "--no-wait", "--rate", "0", "--http-port", "0", "--out", out.toString());
        System.out.print(console); // kept in the failsafe report

        // Then it exits 0 and printed the live summary and the metrics URLs
        assertThat(exit).as(console.toString()).isZero();
        assertThat(console.toString())
                .contains("all example data is through")
                .containsPattern("sensors-denoising: \\d+/12 anomalies found")
                .containsPattern("http://localhost:\\d+/metrics");

        // and the summary reports anomalies found among those injected, and a better SNR after denoising
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertThat(summary.get("detectors")).hasSize(2).allSatisfy(d -> {
            assertThat(d.get("injected").asInt()).isEqualTo(12);
            assertThat(d.get("recall").asDouble()).isGreaterThan(0.0);
            assertThat(d.get("precision").asDouble()).isGreaterThan(0.0);
            assertThat(d.get("framesScored").asLong()).isEqualTo(3200 - DemoModels.WINDOW + 1);
        });
        JsonNode audio = summary.get("audio");
        assertThat(audio.get("snrOutDb").asDouble()).isGreaterThan(audio.get("snrInDb").asDouble());
        assertThat(summary.get("deadLetters").asLong()).isZero();

        // and the report folder holds data, bundles, training reports, scores and the denoised speech
        for (String file : List.of("summary.md", "scores-sensors-denoising.csv", "scores-sensors-contractive.csv",
                "scores-speech-denoising.csv", "speech-eval-denoised.wav", "data/sensors-eval.csv", "data/injected-anomalies.json",
                "models/sensors-denoising/manifest.json", "models/speech-denoising/manifest.json")) {
            assertThat(out.resolve(file)).as(file).isNotEmptyFile();
        }
        try (var reports = Files.list(out.resolve("reports"))) {
            assertThat(reports.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("sensors-denoising", "sensors-contractive", "speech-denoising");
        }
        assertThat(Files.readAllLines(out.resolve("scores-sensors-denoising.csv")))
                .first().isEqualTo("ts,score,threshold,anomaly,injected");
    }

    @Test
    void shouldRefuseFolderWhenItHoldsSomethingElse(@TempDir Path tmp) throws Exception {
        // Given a non-empty folder that no demo wrote
        Files.writeString(tmp.resolve("thesis.tex"), "precious");

        // When the demo is pointed at it
        int exit = Main.commandLine().execute("demo", "--duration", "0", "--out", tmp.toString());

        // Then it stops with a usage error and leaves the folder alone
        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(tmp.resolve("thesis.tex")).hasContent("precious");
    }
}
