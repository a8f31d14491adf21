package io.aestream.launcher.produce;

import io.aestream.cli.ExitCodes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aestream.launcher.Main;
import io.aestream.launcher.kafka.LocalKafka;
import io.aestream.launcher.kafka.TopicRecords;
import io.aestream.trainer.data.WavAudio;
import io.aestream.trainer.data.WavIO;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProduceCommandTest {
    private static LocalKafka kafka;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = LocalKafka.start();
        kafka.createTopics("rows", "rows-binary", "audio", "keyed");
    }

    @AfterAll
    static void stopBroker() throws Exception {
        kafka.close();
    }

    @Test
    void shouldSendOneJsonRecordPerCsvRowWhenCsvGiven(@TempDir Path dir) throws Exception {
        // Given a CSV with a timestamp column
        Path csv = dir.resolve("s.csv");
        Files.writeString(csv, "timestamp,a,b,c\n1000,1.5,2,3\n2000,4,5,6\n2024-01-01T00:00:03Z,7,8,9\n");

        // When produced with two of its columns under one key
        int exit = run("--topic", "rows", "--csv", csv.toString(), "--columns", "c,a", "--key", "plant-1",
                "--timestamp-column", "timestamp");

        // Then every row is a JSON frame {ts, values} in column order, keyed plant-1
        assertThat(exit).isZero();
        List<ConsumerRecord<String, String>> got = TopicRecords.read(kafka.bootstrapServers(), "rows", 3,
                Duration.ofSeconds(30), new StringDeserializer(), new StringDeserializer());
        assertThat(got).extracting(ConsumerRecord::key).containsExactly("plant-1", "plant-1", "plant-1");
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(got.get(0).value());
        assertThat(first.get("ts").asLong()).isEqualTo(1000);
        assertThat(first.get("values").toString()).isEqualTo("[3.0,1.5]");
        assertThat(json.readTree(got.get(2).value()).get("ts").asText()).isEqualTo("2024-01-01T00:00:03Z");
    }

    @Test
    void shouldKeyEachRowByKeyColumnAndEncodeFloat32WhenBinaryFormat(@TempDir Path dir) throws Exception {
        // Given rows of two machines
        Path csv = dir.resolve("m.csv");
        Files.writeString(csv, "machine,x\nm1,0.25\nm2,-1\n");

        // When produced as binary
        int exit = run("--topic", "rows-binary", "--csv", csv.toString(), "--columns", "x", "--key-column", "machine",
                "--format", "binary");

        // Then each value is one little-endian float32, keyed by its machine
        assertThat(exit).isZero();
        List<ConsumerRecord<String, byte[]>> got = TopicRecords.read(kafka.bootstrapServers(), "rows-binary", 2,
                Duration.ofSeconds(30), new StringDeserializer(), new ByteArrayDeserializer());
        assertThat(got).extracting(ConsumerRecord::key).containsExactly("m1", "m2");
        assertThat(ByteBuffer.wrap(got.get(1).value()).order(ByteOrder.LITTLE_ENDIAN).getFloat()).isEqualTo(-1f);
        assertThat(got.get(0).value()).hasSize(4);
    }

    @Test
    void shouldChunkWavIntoPcm16RecordsWithSampleRateHeaderWhenWavGiven(@TempDir Path dir) throws Exception {
        // Given 0.1 s of audio at 8 kHz
        double[] samples = new double[800];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = 0.5 * Math.sin(2 * Math.PI * 440 * i / 8000.0);
        }
        Path wav = dir.resolve("a.wav");
        WavIO.write(wav, new WavAudio(8000, samples));

        // When produced in 20 ms chunks
        int exit = run("--topic", "audio", "--wav", wav.toString(), "--key", "mic-1", "--chunk-ms", "20", "--rate", "1000/s");

        // Then five 160-sample PCM16 chunks arrive in order, each with the sample rate header, and they join up
        assertThat(exit).isZero();
        List<ConsumerRecord<String, byte[]>> got = TopicRecords.read(kafka.bootstrapServers(), "audio", 5,
                Duration.ofSeconds(30), new StringDeserializer(), new ByteArrayDeserializer());
        assertThat(got).hasSize(5).allSatisfy(r -> {
            assertThat(r.value()).hasSize(320);
            assertThat(new String(r.headers().lastHeader("aestream.sample.rate").value(), StandardCharsets.UTF_8)).isEqualTo("8000");
        });
        ByteBuffer third = ByteBuffer.wrap(got.get(2).value()).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(third.getShort(2 * 5) / 32768.0).isCloseTo(samples[320 + 5], org.assertj.core.api.Assertions.within(1e-4));
    }

    @Test
    void shouldExitWithUsageCodeWhenColumnIsMissing(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("s.csv");
        Files.writeString(csv, "a,b\n1,2\n");

        int exit = run("--topic", "keyed", "--csv", csv.toString(), "--columns", "a,zzz", "--key", "k");

        assertThat(exit).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void shouldRejectRateWhenNotANumber() {
        int exit = run("--topic", "keyed", "--wav", "x.wav", "--key", "k", "--rate", "fast");

        assertThat(exit).isEqualTo(ExitCodes.USAGE);
    }

    private static int run(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "produce";
        all[1] = "--bootstrap-servers";
        all[2] = kafka.bootstrapServers();
        System.arraycopy(args, 0, all, 3, args.length);
        return Main.commandLine().execute(all);
    }
}
