package io.aestream.launcher.bench;

import io.aestream.launcher.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import javax.imageio.ImageIO;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bench --quick} as CI runs it: a smoke test of every measurement path; no figure is asserted. */
class BenchCommandIT {

    @Test
    void shouldWriteEveryTableAndPlotWhenQuickBenchRuns(@TempDir Path tmp) throws Exception {
        // Given the bench command line writing into a fresh folder
        Path report = tmp.resolve("docs/benchmarks.md");
        StringWriter console = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(console, true));

        // When the quick plan runs
        int exit = cl.execute("bench", "--quick", "--out", report.toString());
        System.out.print(console);

        // Then the report has the machine, a throughput row per client beside its reference, and a latency pair
        assertThat(exit).as(console.toString()).isZero();
        String md = Files.readString(report);
        assertThat(md).contains("./aestream bench --quick", "cores", "| vector | 1 | identity topology |")
                .contains("| vector | 1 | app: scores,denoised,anomalies |")
                .contains("| vector | 1 | app: scores,denoised,anomalies (binary) |", "| vector | 1 | DL4J output() per record |")
                .containsPattern("\\| at_least_once \\| 50 % \\| [\\d,]+ \\| identity topology \\| \\d+ \\| \\d+ \\| \\d+ \\| [\\d,]+ / [\\d,]+ \\|")
                .containsPattern("\\| at_least_once \\| 50 % \\| [\\d,]+ \\| app: scores,denoised,anomalies \\| \\d+ \\|");
        assertThat(md).containsPattern("\\| 8,000 Hz \\| [\\d,]+ \\| [\\d,]+ \\|").containsPattern("\\| 16,000 Hz \\| [\\d,]+ \\| [\\d,]+ \\|");
        // and a client setting beside the defaults
        assertThat(md).containsPattern("\\| defaults \\| [\\d,]+ \\| 1\\.00 \\|")
                .containsPattern("\\| `max.poll.records=100` \\| [\\d,]+ \\| [\\d.]+ \\|");
        // and the footprints of the app by number of keys and of training, each measured in its own JVM
        assertThat(md).containsPattern("\\| 100 \\| [\\d.]+ \\| [\\d.]+ \\| 1\\.00 \\| [\\d.]+ \\| 1\\.00 \\|")
                .containsPattern("\\| undercomplete \\| [\\d.]+ \\| 1\\.00 \\| [\\d.]+ \\| 1\\.00 \\|");
        // and two readable plots beside it
        for (String plot : new String[] {"throughput.png", "latency.png"}) {
            assertThat(ImageIO.read(tmp.resolve("docs/benchmarks").resolve(plot).toFile())).as(plot).isNotNull();
        }
    }
}
