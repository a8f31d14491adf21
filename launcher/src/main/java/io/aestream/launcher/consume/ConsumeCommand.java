package io.aestream.launcher.consume;

import io.aestream.bundle.BundleIO;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

/** {@code aestream consume}: prints the stream app's scores or denoised values as JSON lines, decoding binary ones. */
@Command(name = "consume", mixinStandardHelpOptions = true,
        description = {"Print a scores or denoised topic of the stream app as JSON lines, one per record.",
                "With --format binary (the app's AESTREAM_OUTPUT_FORMAT=binary) values are decoded to the JSON the app",
                "writes otherwise; --model names the top features of binary scores."},
        footer = {"", "Example:", "  aestream consume --topic aestream-scores --format binary --model models/pump --max-records 10"})
public final class ConsumeCommand implements Callable<Integer> {

    @Option(names = "--bootstrap-servers", defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}",
            description = "Kafka bootstrap servers (default: $KAFKA_BOOTSTRAP_SERVERS or ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = "--topic", required = true, description = "The app's scores or denoised topic.")
    String topic;

    @Option(names = "--output", defaultValue = "scores", paramLabel = "scores|denoised",
            description = "What the topic holds (default ${DEFAULT-VALUE}).")
    OutputDecoder.Kind kind;

    @Option(names = "--format", defaultValue = "json", paramLabel = "json|binary",
            description = "The app's AESTREAM_OUTPUT_FORMAT (default ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--model", description = "The app's bundle: names the top features of binary scores.")
    Path model;

    @Option(names = "--max-records", defaultValue = "0", description = "Stop after this many records; 0: run until Ctrl-C.")
    long maxRecords;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!format.equals("json") && !format.equals("binary")) {
            throw new IllegalArgumentException("--format: must be json or binary, got '" + format + "'");
        }
        OutputDecoder decoder = new OutputDecoder(kind, format.equals("binary"),
                model == null ? null : BundleIO.read(model).manifest().featureNames());
        PrintWriter out = spec.commandLine().getOut();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "aestream-consume-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            long printed = 0;
            while (maxRecords == 0 || printed < maxRecords) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    out.println(decoder.line(r.key(), r.value()));
                    if (++printed == maxRecords) {
                        break;
                    }
                }
                out.flush();
            }
        }
        return 0;
    }
}
