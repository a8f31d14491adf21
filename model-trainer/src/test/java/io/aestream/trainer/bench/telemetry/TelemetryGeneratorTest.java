package io.aestream.trainer.bench.telemetry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TelemetryGeneratorTest {
    @TempDir
    Path dir;

    private static double[] column(List<String> lines, int c) {
        return lines.stream().skip(1).mapToDouble(l -> Double.parseDouble(l.split(",")[c])).toArray();
    }

    @Test
    void shouldWriteTheSameSeededSetWithCommandsNeverIssuedInTrainingAndLabelledAnomalies() throws IOException {
        TelemetryGenerator.Written a = new TelemetryGenerator(4, 2000, 2000).write(dir.resolve("a"));
        TelemetryGenerator.Written b = new TelemetryGenerator(4, 2000, 2000).write(dir.resolve("b"));
        assertThat(Files.readString(a.test())).isEqualTo(Files.readString(b.test()));

        List<String> train = Files.readAllLines(a.train());
        List<String> test = Files.readAllLines(a.test());
        assertThat(column(train, 6)).containsOnly(0.0);
        assertThat(column(test, 6)).contains(1.0);
        assertThat(column(train, 7)).containsOnly(0.0);
        double[] aux = column(train, 3);
        assertThat(java.util.Arrays.stream(aux).max().orElseThrow() - java.util.Arrays.stream(aux).min().orElseThrow()).isLessThan(1e-5);
        // eight labelled sequences, two of each kind, and normal command changes outside them
        assertThat(a.anomalies()).hasSize(8);
        assertThat(a.anomalies().stream().map(TelemetryGenerator.Anomaly::kind).distinct()).hasSize(4);
        double[] labels = column(test, 7);
        int runs = 0;
        for (int t = 0; t < labels.length; t++) {
            runs += labels[t] == 1 && (t == 0 || labels[t - 1] == 0) ? 1 : 0;
        }
        assertThat(runs).isEqualTo(8);
        int clearance = TelemetryGenerator.CLEARANCE;
        assertThat(a.normalChanges()).isNotEmpty().allSatisfy(t -> {
            for (int r = Math.max(0, t - clearance); r <= Math.min(labels.length - 1, t + clearance); r++) {
                assertThat(labels[r]).as("label %d rows from the change at %d", r - t, t).isZero();
            }
        });
    }
}
