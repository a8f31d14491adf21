package io.aestream.it;

import io.aestream.bundle.BundleIO;
import io.aestream.it.parity.Cli;
import io.aestream.it.parity.CsvColumns;
import io.aestream.it.parity.OfflineScore;
import io.aestream.it.parity.ParityData;
import io.aestream.it.parity.ParityData.Stretch;
import io.aestream.it.parity.StreamedRun;
import io.aestream.launcher.kafka.LocalKafka;
import io.aestream.stream.config.InputFormat;
import io.aestream.stream.message.DenoisedMessage;
import io.aestream.stream.message.ScoreMessage;
import io.aestream.trainer.data.WavIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Issue 3's parity promise, end to end: for each layout a tiny bundle trained by {@code aestream train}, then the
 * same input through the offline {@code score} and {@code denoise} and through the real stream app on a local
 * broker, fed by {@code aestream produce}. Per frame, the streamed score (within 1e-5, relative above 1), threshold,
 * flag, top features and model version equal the offline CSV's, and the denoised output equals the offline file's:
 * rows within 1e-5, audio within one PCM16 step.
 */
class CliStreamParityIT {
    private static final double TOLERANCE = 1e-5;
    private static final int TOP = 3;
    private static final int ROWS = 240;
    private static final Stretch ROW_ANOMALY = new Stretch(150, 175);
    private static final int SAMPLE_RATE = 8000;
    private static final int FRAME_LENGTH = 128;
    private static final int HOP = 32;
    /** A few epochs: parity needs a real bundle from the real trainer, not a good one. */
    private static final List<String> TINY_MODEL = List.of("--kind", "undercomplete", "--epochs", "4", "--batch-size", "32",
            "--learning-rate", "0.01", "--seed", "7", "--quiet");

    @TempDir
    static Path tmp;
    private static LocalKafka kafka;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = LocalKafka.start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void shouldStreamTheCliScoresAndDenoisedRowsWhenLayoutIsVector() throws Exception {
        assertTableParity("vector", List.of("a", "b", "c", "d"), 1, 1, "--layout", "vector", "--encoder", "6,2");
    }

    @ParameterizedTest(name = "window 8, hop {0}")
    @ValueSource(ints = {1, 3})
    void shouldStreamTheCliScoresAndLastRowsWhenLayoutIsWindow(int hop) throws Exception {
        assertTableParity("window-hop" + hop, List.of("x", "y"), 8, hop,
                "--layout", "window", "--window", "8", "--hop", Integer.toString(hop), "--encoder", "8,3");
    }

    @Test
    void shouldStreamTheCliScoresAndAPrefixOfTheCliWavWhenLayoutIsAudio() throws Exception {
        // Given a bundle trained on two clean tones, and one second of them with a noise burst in the middle
        Path dir = Files.createDirectories(tmp.resolve("audio"));
        Path train = ParityData.tones(dir.resolve("train.wav"), SAMPLE_RATE, 2 * SAMPLE_RATE, 1, Stretch.NONE);
        Path input = ParityData.tones(dir.resolve("input.wav"), SAMPLE_RATE, SAMPLE_RATE, 2, new Stretch(3200, 4000));
        Path bundle = train(dir, Stream.of("--input", train.toString(), "--frame-length", Integer.toString(FRAME_LENGTH),
                "--hop", Integer.toString(HOP), "--window", "hann", "--feature", "log-magnitude", "--encoder", "16,6"));

        // When the CLI scores and denoises it offline
        List<OfflineScore> offline = score(dir, bundle, input);
        Path denoisedWav = dir.resolve("denoised.wav");
        Cli.run("denoise", "--model", bundle.toString(), "--input", input.toString(), "--out", denoisedWav.toString());
        double[] offlineSamples = WavIO.read(denoisedWav).samples();
        // and the stream app gets it as PCM16 chunks of 7 ms (56 samples: not a multiple of the hop)
        // The stream holds back the last frameLength − hop samples (they await frames that only flush would pad in).
        int streamable = offline.size() * HOP - (FRAME_LENGTH - HOP);
        List<ScoreMessage> scores;
        short[] streamed;
        try (StreamedRun run = StreamedRun.start(kafka, "parity-audio", bundle, InputFormat.BINARY, TOP, dir.resolve("state"))) {
            run.produce("--wav", input.toString(), "--key", "mic-1", "--chunk-ms", "7");
            scores = run.scores(offline.size());
            streamed = run.denoisedPcm(streamable);
        }

        // Then every STFT frame scores the same, and the streamed audio is the offline file's prefix
        assertThat(offline).hasSize(SAMPLE_RATE / HOP);
        assertFlagsBothWays(offline);
        assertSameScores(scores, offline, BundleIO.read(bundle).version());
        assertThat(offlineSamples).hasSize(SAMPLE_RATE);
        assertThat(streamed).hasSize(streamable);
        for (int i = 0; i < streamed.length; i++) {
            long expected = Math.round(offlineSamples[i] * 32768.0);
            assertThat((long) streamed[i]).as("sample %d", i).isCloseTo(expected, within(1L));
        }
    }

    /**
     * Rows of a sensor CSV through a vector or window bundle. Frames end at rows {@code window − 1}, then every
     * {@code hop} rows; the stream emits one score and one denoised row (the frame's last) per frame.
     */
    private static void assertTableParity(String name, List<String> columns, int window, int hop, String... layout) throws Exception {
        // Given a bundle trained on clean rows, and rows with an offset in one column to score
        Path dir = Files.createDirectories(tmp.resolve(name));
        String columnList = String.join(",", columns);
        Path train = ParityData.sensors(dir.resolve("train.csv"), 3 * ROWS, columns, 1, Stretch.NONE);
        Path input = ParityData.sensors(dir.resolve("input.csv"), ROWS, columns, 2, ROW_ANOMALY);
        Path bundle = train(dir, Stream.concat(Stream.of("--input", train.toString(), "--columns", columnList,
                "--timestamp-column", "ts"), Stream.of(layout)));

        // When the CLI scores and denoises the rows offline
        List<OfflineScore> offline = score(dir, bundle, input, "--timestamp-column", "ts");
        Path denoisedCsv = dir.resolve("denoised.csv");
        Cli.run("denoise", "--model", bundle.toString(), "--input", input.toString(), "--out", denoisedCsv.toString());
        List<double[]> offlineRows = CsvColumns.read(denoisedCsv, columns);
        // and the stream app gets them as JSON records from produce
        List<ScoreMessage> scores;
        List<DenoisedMessage> denoised;
        try (StreamedRun run = StreamedRun.start(kafka, "parity-" + name, bundle, InputFormat.JSON, TOP, dir.resolve("state"))) {
            run.produce("--csv", input.toString(), "--columns", columnList, "--key", "sensor-1", "--timestamp-column", "ts");
            scores = run.scores(offline.size());
            denoised = run.denoisedRows(offline.size());
        }

        // Then the offline CSV scores exactly the frame-ending rows, and the stream scores each of them the same
        assertThat(offline).extracting(OfflineScore::index)
                .containsExactlyElementsOf(IntStream.iterate(window - 1, r -> r < ROWS, r -> r + hop).boxed().toList());
        assertFlagsBothWays(offline);
        assertSameScores(scores, offline, BundleIO.read(bundle).version());
        assertThat(scores).extracting(ScoreMessage::ts)
                .containsExactlyElementsOf(offline.stream().map(o -> Long.parseLong(o.timestamp())).toList());
        // And denoised rows match where both define one. `denoise` gives each row the values of the earliest frame
        // holding it; a frame-ending row is in no earlier frame, so it gets its own frame's last row, which is what
        // the stream emits. The other rows (window layout: the first window − 1, and with hop > 1 those between frame
        // ends) take values from inside a frame, which the stream never emits.
        assertThat(denoised).hasSize(offline.size());
        for (int i = 0; i < offline.size(); i++) {
            int row = offline.get(i).index();
            assertThat(denoised.get(i).ts()).as("denoised ts, row %d", row).isEqualTo(scores.get(i).ts());
            assertThat(denoised.get(i).values()).as("denoised row %d", row).containsExactly(offlineRows.get(row), within(TOLERANCE));
        }
    }

    private static Path train(Path dir, Stream<String> data) {
        Path bundle = dir.resolve("bundle");
        List<String> args = new ArrayList<>(List.of("train", "--out", bundle.toString(), "--report", dir.resolve("report").toString()));
        data.forEach(args::add);
        args.addAll(TINY_MODEL);
        Cli.run(args.toArray(String[]::new));
        return bundle;
    }

    private static List<OfflineScore> score(Path dir, Path bundle, Path input, String... extra) throws Exception {
        Path out = dir.resolve("scores.csv");
        List<String> args = new ArrayList<>(List.of("score", "--model", bundle.toString(), "--input", input.toString(),
                "--top", Integer.toString(TOP), "--out", out.toString()));
        args.addAll(List.of(extra));
        Cli.run(args.toArray(String[]::new));
        return OfflineScore.read(out);
    }

    /** Flags must be compared both ways round, so the injected anomaly must be flagged and the rest not all. */
    private static void assertFlagsBothWays(List<OfflineScore> offline) {
        assertThat(offline).extracting(OfflineScore::anomaly).as("offline flags").contains(true, false);
    }

    private static void assertSameScores(List<ScoreMessage> streamed, List<OfflineScore> offline, String version) {
        assertThat(streamed).hasSize(offline.size());
        for (int i = 0; i < offline.size(); i++) {
            ScoreMessage s = streamed.get(i);
            OfflineScore o = offline.get(i);
            String frame = "frame " + i + " (offline row " + o.index() + ")";
            assertThat(s.score()).as("%s score", frame).isCloseTo(o.score(), within(TOLERANCE * Math.max(1, Math.abs(o.score()))));
            assertThat(s.threshold()).as("%s threshold", frame).isEqualTo(o.threshold());
            assertThat(s.anomaly()).as("%s anomaly", frame).isEqualTo(o.anomaly());
            assertThat(s.topFeatures()).as("%s top features", frame).extracting(ScoreMessage.FeatureError::name)
                    .containsExactlyElementsOf(o.topFeatures());
            assertThat(s.modelVersion()).as("%s model version", frame).isEqualTo(version);
        }
    }
}
