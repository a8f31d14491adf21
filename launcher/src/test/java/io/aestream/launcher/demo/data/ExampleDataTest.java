package io.aestream.launcher.demo.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ExampleDataTest {
    private static final ExampleData.Plan PLAN = new ExampleData.Plan(800, 1600, 8, 2, 2, 5.0, 42);

    @Test
    void shouldInjectEveryKindOfFaultIntoEvaluationPartOnly(@TempDir Path dir) throws Exception {
        // When the example data is written
        ExampleData.Files files = ExampleData.write(PLAN, dir);

        // Then the evaluation part carries the planned faults of every kind, labelled row by row
        SensorSeries eval = files.evaluation();
        assertThat(eval.anomalies()).hasSize(8);
        assertThat(eval.anomalies().stream().map(InjectedAnomaly::kind).collect(Collectors.toSet()))
                .isEqualTo(EnumSet.allOf(AnomalyKind.class));
        for (InjectedAnomaly a : eval.anomalies()) {
            for (int r = a.firstRow(); r <= a.lastRow(); r++) {
                assertThat(eval.labels()[r]).as("label of row %d in %s", r, a).isTrue();
            }
            assertThat(a.startTs()).isEqualTo(eval.timestamps()[a.firstRow()]);
        }
        // and the training file has no anomalous row
        List<String> training = Files.readAllLines(files.trainingCsv());
        assertThat(training.get(0)).isEqualTo("timestamp," + String.join(",", SensorSeriesGenerator.sensorNames()) + ",anomaly");
        assertThat(training).hasSize(801);
        assertThat(training.subList(1, training.size())).allMatch(line -> line.endsWith(",0"));
        assertThat(files.anomaliesJson()).isNotEmptyFile();
    }

    @Test
    void shouldChangeFaultedSensorWhenFaultInjected() {
        // Given the same series with and without faults
        var clean = new SensorSeriesGenerator(7).generate(500, 1000, 0, 0, 1000).evaluation();
        var faulty = new SensorSeriesGenerator(7).generate(500, 1000, 4, 0, 1000).evaluation();

        // Then each fault changes its sensor inside its interval
        for (InjectedAnomaly a : faulty.anomalies()) {
            int s = faulty.sensors().indexOf(a.sensor());
            double maxDiff = 0;
            for (int r = a.firstRow(); r <= a.lastRow(); r++) {
                maxDiff = Math.max(maxDiff, Math.abs(faulty.values()[r][s] - clean.values()[r][s]));
            }
            assertThat(maxDiff).as("%s", a).isGreaterThan(0);
        }
    }

    @Test
    void shouldWriteIdenticalFilesWhenSeedIsTheSame(@TempDir Path a, @TempDir Path b) throws Exception {
        ExampleData.write(PLAN, a);
        ExampleData.write(PLAN, b);

        for (String name : List.of("sensors-train.csv", "sensors-eval.csv", "speech-eval/noisy/clip.wav", "noise-train/noise.wav")) {
            assertThat(Files.mismatch(a.resolve(name), b.resolve(name))).as(name).isEqualTo(-1L);
        }
    }

    @Test
    void shouldDifferWhenSeedDiffers(@TempDir Path a, @TempDir Path b) throws Exception {
        ExampleData.write(PLAN, a);
        ExampleData.write(new ExampleData.Plan(800, 1600, 8, 2, 2, 5.0, 43), b);

        assertThat(Files.mismatch(a.resolve("sensors-eval.csv"), b.resolve("sensors-eval.csv"))).isNotEqualTo(-1L);
    }

    @Test
    void shouldMixNoiseAtRequestedSnr(@TempDir Path dir) throws Exception {
        // When the noisy clip is written at 5 dB
        ExampleData.Files files = ExampleData.write(PLAN, dir);

        // Then its SNR against the clean clip is 5 dB (PCM16 rounding aside)
        assertThat(NoiseMix.snrDb(files.cleanSpeech(), files.noisySpeech())).isCloseTo(5.0, within(0.2));
        assertThat(files.cleanSpeech()).hasSize(2 * ExampleData.SAMPLE_RATE);
    }

    @Test
    void shouldAlternateSpeechAndSilenceWhenSpeechIsGenerated() {
        // Given 5 s of speech-like audio
        double[] x = new SpeechLikeAudio(8000).generate(5, 1);

        // When cut into 20 ms blocks
        int block = 160;
        int silent = 0;
        int voiced = 0;
        for (int from = 0; from + block <= x.length; from += block) {
            double energy = 0;
            for (int i = from; i < from + block; i++) {
                energy += x[i] * x[i];
            }
            double rms = Math.sqrt(energy / block);
            silent += rms < 1e-4 ? 1 : 0;
            voiced += rms > 0.02 ? 1 : 0;
        }

        // Then both pauses and voiced stretches are present
        int blocks = x.length / block;
        assertThat(silent).isBetween(blocks / 10, blocks * 6 / 10);
        assertThat(voiced).isGreaterThan(blocks / 4);
    }
}
