package io.aestream.it;

import io.aestream.deploy.Tools;
import io.aestream.launcher.kafka.LocalKafka;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's {@code kcat} lines, run as written against a real broker (only the broker address is replaced, and
 * {@code -c 1 -e} added so kcat returns after one record): they must print what the README promises.
 */
class ReadmeKcatIT {
    private static final Pattern KCAT_LINE = Pattern.compile("^kcat (.*)$", Pattern.MULTILINE);
    private static LocalKafka kafka;

    @BeforeAll
    static void startBroker() throws IOException {
        kafka = LocalKafka.start();
        kafka.createTopics("aestream-scores", "aestream-dead-letter");
    }

    @AfterAll
    static void stopBroker() throws IOException {
        kafka.close();
    }

    @Test
    void shouldPrintKeyValueAndDeadLetterHeadersWithTheReadmeKcatCommands() throws Exception {
        String scores = "{\"key\":\"pump-1\",\"score\":0.42,\"anomaly\":false}";
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("aestream-scores", "pump-1", scores)).get();
            ProducerRecord<String, String> dead = new ProducerRecord<>("aestream-dead-letter", "pump-1", "{not json");
            dead.headers().add(new RecordHeader("aestream.dlq.reason", "malformed-json".getBytes(StandardCharsets.UTF_8)));
            producer.send(dead).get();
        }

        List<String> lines = readmeKcatLines();
        assertThat(lines).as("kcat examples in README.md").hasSizeGreaterThanOrEqualTo(2);
        String scoresOut = runKcat(lines.stream().filter(l -> l.contains("aestream-scores")).findFirst().orElseThrow());
        assertThat(scoresOut.strip()).isEqualTo("pump-1 " + scores);
        String deadOut = runKcat(lines.stream().filter(l -> l.contains("aestream-dead-letter")).findFirst().orElseThrow());
        assertThat(deadOut).startsWith("pump-1 ").contains("aestream.dlq.reason=malformed-json").endsWith("{not json\n");
    }

    private static List<String> readmeKcatLines() throws IOException {
        Matcher m = KCAT_LINE.matcher(Files.readString(Tools.repoRoot().resolve("README.md")));
        List<String> lines = new ArrayList<>();
        while (m.find()) {
            lines.add(m.group(1));
        }
        return lines;
    }

    /** Splits a README kcat line like a shell would for these examples (single-quoted format, no other quoting). */
    private static String runKcat(String readmeArgs) {
        List<String> command = new ArrayList<>(List.of(Tools.kcat().toString()));
        Matcher token = Pattern.compile("'([^']*)'|(\\S+)").matcher(readmeArgs);
        while (token.find()) {
            String arg = token.group(1) != null ? token.group(1).replace("\\n", "\n") : token.group(2);
            command.add(arg.equals("broker:9092") ? kafka.bootstrapServers() : arg);
        }
        command.addAll(List.of("-c", "1", "-e"));
        Tools.Result result = Tools.run(command);
        assertThat(result.exitCode()).as(result.describe()).isZero();
        return result.stdout();
    }
}
