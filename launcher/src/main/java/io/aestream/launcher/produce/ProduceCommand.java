package io.aestream.launcher.produce;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code aestream produce}: writes CSV rows or WAV audio to a topic in the stream app's input format. */
@Command(name = "produce", mixinStandardHelpOptions = true,
        description = {"Send frames to Kafka in the stream app's input format.",
                "CSV: one record per row, JSON {\"ts\", \"values\"} (or float32 with --format binary).",
                "WAV: PCM16 chunks with the aestream.sample.rate header (binary, or JSON {\"pcm16\": base64})."},
        footer = {"", "Examples:",
                "  aestream produce --topic aestream-frames --csv sensors.csv --columns a,b,c --key plant-1 --timestamp-column timestamp",
                "  aestream produce --topic aestream-audio --wav speech.wav --key mic-1 --chunk-ms 20 --rate 50/s"})
public final class ProduceCommand implements Callable<Integer> {

    @Option(names = "--bootstrap-servers", defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}",
            description = "Kafka bootstrap servers (default: $KAFKA_BOOTSTRAP_SERVERS or ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = "--topic", required = true, description = "Topic to write to (the stream app's input topic).")
    String topic;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--csv", required = true, paramLabel = "FILE", description = "CSV file with a header.")
        Path csv;
        @Option(names = "--wav", required = true, paramLabel = "FILE", description = "PCM16 mono WAV file.")
        Path wav;
    }

    @Option(names = "--columns", split = ",", paramLabel = "COL", description = "CSV: the value columns, in model order.")
    List<String> columns;

    @Option(names = "--key-column", paramLabel = "COL", description = "CSV: column holding each row's key (source id).")
    String keyColumn;

    @Option(names = "--key", description = "The key of every record (CSV without --key-column, or WAV).")
    String key;

    @Option(names = "--timestamp-column", paramLabel = "COL", description = "CSV: epoch-ms or ISO-8601 column sent as ts.")
    String timestampColumn;

    @Option(names = "--chunk-ms", defaultValue = "20", description = "WAV: milliseconds of audio per record (default ${DEFAULT-VALUE}).")
    int chunkMs;

    @Option(names = "--format", paramLabel = "json|binary",
            description = "Value encoding; must match the stream app's AESTREAM_INPUT_FORMAT (default: json for CSV, binary for WAV).")
    FrameEncoding format;

    @Option(names = "--rate", defaultValue = "0", converter = Rate.class, paramLabel = "N/s",
            description = "Records per second, e.g. 100/s; 0 sends as fast as possible (default).")
    double rate;

    @Option(names = "--producer-property", paramLabel = "KEY=VALUE",
            description = "Extra Kafka producer setting, e.g. security.protocol=SASL_SSL (repeatable).")
    Map<String, String> producerProperties = Map.of();

    @Override
    public Integer call() throws Exception {
        List<FrameRecord> records;
        if (source.csv != null) {
            if (columns == null || columns.isEmpty()) {
                throw new IllegalArgumentException("--columns: required with --csv");
            }
            records = new CsvFrames(columns, keyColumn, keyColumn == null ? key : null, timestampColumn,
                    format == null ? FrameEncoding.JSON : format).read(source.csv);
        } else {
            if (keyColumn != null || columns != null || timestampColumn != null) {
                throw new IllegalArgumentException("--columns, --key-column and --timestamp-column apply to --csv only");
            }
            records = new WavFrames(key, chunkMs, format == null ? FrameEncoding.BINARY : format).read(source.wav);
        }
        try (FrameProducer producer = new FrameProducer(bootstrapServers, topic, producerProperties)) {
            long sent = producer.send(records, rate);
            System.out.printf("sent %d records to %s at %s%n", sent, topic, bootstrapServers);
        }
        return 0;
    }
}
