package io.aestream.it;

import io.aestream.bundle.BundleIO;
import io.aestream.it.parity.Cli;
import io.aestream.it.parity.ParityData;
import io.aestream.it.parity.ParityData.Stretch;
import io.aestream.it.parity.StreamedRun;
import io.aestream.launcher.kafka.LocalKafka;
import io.aestream.stream.config.InputFormat;
import io.aestream.stream.config.Settings;
import io.aestream.stream.message.DenoisedMessage;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Issue 13's codes promise, end to end: a bundle trained by {@code aestream train}, its codes written offline by
 * {@code aestream encode} and streamed on the codes topic by the real app on a local broker (AESTREAM_OUTPUTS with
 * codes), fed by {@code aestream produce}: per frame the same timestamp and the same code h within 1e-5.
 */
class CodesParityIT {
    private static final double TOLERANCE = 1e-5;
    private static final int ROWS = 200;
    private static final int SAMPLE_RATE = 8000;
    private static final List<String> TINY_MODEL = List.of("--kind", "undercomplete", "--epochs", "3", "--batch-size", "32",
            "--learning-rate", "0.01", "--seed", "11", "--quiet");
    private static final Map<String, String> CODES = Map.of(Settings.OUTPUTS, "scores,codes");

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
    void shouldStreamTheCodesEncodeWritesWhenLayoutIsWindow() throws Exception {
        // Given a window bundle (window 8, hop 3) with a 3-dimensional code, and rows with an offset to encode
        Path dir = Files.createDirectories(tmp.resolve("window"));
        List<String> columns = List.of("x", "y");
        Path train = ParityData.sensors(dir.resolve("train.csv"), 3 * ROWS, columns, 1, Stretch.NONE);
        Path input = ParityData.sensors(dir.resolve("input.csv"), ROWS, columns, 2, new Stretch(120, 140));
        Path bundle = train(dir, "--input", train.toString(), "--columns", "x,y", "--timestamp-column", "ts",
                "--layout", "window", "--window", "8", "--hop", "3", "--encoder", "8,3");

        // When encode writes the codes offline and the stream app gets the rows as JSON records
        List<Code> offline = encode(dir, bundle, input, "--timestamp-column", "ts");
        List<DenoisedMessage> streamed;
        try (StreamedRun run = StreamedRun.start(kafka, "codes-window", bundle, InputFormat.JSON, 3, dir.resolve("state"), CODES)) {
            run.produce("--csv", input.toString(), "--columns", "x,y", "--key", "sensor-1", "--timestamp-column", "ts");
            streamed = run.codes(offline.size());
        }

        // Then encode writes exactly the frame-ending rows, and the stream the same code for each, with its timestamp
        assertThat(offline).extracting(Code::index)
                .containsExactlyElementsOf(IntStream.iterate(7, r -> r < ROWS, r -> r + 3).boxed().toList());
        assertThat(offline.get(0).h()).hasSize(3);
        assertSameCodes(streamed, offline, BundleIO.read(bundle).version());
        assertThat(streamed).extracting(DenoisedMessage::ts)
                .containsExactlyElementsOf(offline.stream().map(c -> Long.parseLong(c.timestamp())).toList());
    }

    @Test
    void shouldStreamTheCodesEncodeWritesWhenLayoutIsAudio() throws Exception {
        // Given an audio bundle (STFT 128 / hop 32) with a 6-dimensional code, and one second of tones with a noise burst
        Path dir = Files.createDirectories(tmp.resolve("audio"));
        Path train = ParityData.tones(dir.resolve("train.wav"), SAMPLE_RATE, 2 * SAMPLE_RATE, 1, Stretch.NONE);
        Path input = ParityData.tones(dir.resolve("input.wav"), SAMPLE_RATE, SAMPLE_RATE, 2, new Stretch(3200, 4000));
        Path bundle = train(dir, "--input", train.toString(), "--frame-length", "128", "--hop", "32", "--window", "hann",
                "--feature", "log-magnitude", "--encoder", "16,6");

        // When encode writes the codes offline and the stream app gets the audio as PCM16 chunks of 7 ms
        List<Code> offline = encode(dir, bundle, input);
        List<DenoisedMessage> streamed;
        try (StreamedRun run = StreamedRun.start(kafka, "codes-audio", bundle, InputFormat.BINARY, 3, dir.resolve("state"), CODES)) {
            run.produce("--wav", input.toString(), "--key", "mic-1", "--chunk-ms", "7");
            streamed = run.codes(offline.size());
        }

        // Then every STFT frame has the same code offline and in the stream
        assertThat(offline).hasSize(SAMPLE_RATE / 32);
        assertThat(offline.get(0).h()).hasSize(6);
        assertSameCodes(streamed, offline, BundleIO.read(bundle).version());
    }

    private static void assertSameCodes(List<DenoisedMessage> streamed, List<Code> offline, String version) {
        assertThat(streamed).hasSize(offline.size());
        for (int i = 0; i < offline.size(); i++) {
            assertThat(streamed.get(i).values()).as("code of frame %d (row %d)", i, offline.get(i).index())
                    .containsExactly(offline.get(i).h(), within(TOLERANCE));
            assertThat(streamed.get(i).modelVersion()).isEqualTo(version);
        }
    }

    /** One row of encode's CSV: {@code index,timestamp,h1..hk}. */
    private record Code(int index, String timestamp, double[] h) { }

    private static List<Code> encode(Path dir, Path bundle, Path input, String... extra) throws IOException {
        Path out = dir.resolve("codes.csv");
        List<String> args = new ArrayList<>(List.of("encode", "--model", bundle.toString(), "--input", input.toString(),
                "--out", out.toString()));
        args.addAll(List.of(extra));
        Cli.run(args.toArray(String[]::new));
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();
        List<Code> codes = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(out, StandardCharsets.UTF_8); CSVParser parser = format.parse(in)) {
            for (CSVRecord r : parser) {
                double[] h = IntStream.range(2, r.size()).mapToDouble(j -> Double.parseDouble(r.get(j))).toArray();
                codes.add(new Code(Integer.parseInt(r.get("index")), r.get("timestamp"), h));
            }
        }
        return codes;
    }

    private static Path train(Path dir, String... data) {
        Path bundle = dir.resolve("bundle");
        List<String> args = new ArrayList<>(List.of("train", "--out", bundle.toString(), "--report", dir.resolve("report").toString()));
        args.addAll(List.of(data));
        args.addAll(TINY_MODEL);
        Cli.run(args.toArray(String[]::new));
        return bundle;
    }
}
