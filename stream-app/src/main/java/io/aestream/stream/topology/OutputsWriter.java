package io.aestream.stream.topology;

import io.aestream.bundle.ModelBundle;
import io.aestream.stream.config.Output;
import io.aestream.stream.config.OutputFormat;
import io.aestream.stream.errors.DeadLetterHeaders;
import io.aestream.stream.errors.DeadLetterReason;
import io.aestream.stream.metrics.StreamMetrics;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

import java.util.Collection;
import java.util.List;

/**
 * Turns an input record and its result into output records, one sink per selected output, plus dead letters.
 * Outputs keep the input record's key bytes and timestamp, so per-key order and end-to-end latency carry through.
 * Holds no per-record state: everything a call writes comes from its arguments.
 */
final class OutputsWriter {
    private record Entry(Output output, String sink, OutputSerializer serializer) { }

    private final ProcessorContext<byte[], byte[]> ctx;
    private final StreamMetrics metrics;
    private final List<Entry> entries;

    OutputsWriter(ProcessorContext<byte[], byte[]> ctx, Collection<Output> selected, OutputFormat format, ModelBundle bundle,
                  int topFeatures, StreamMetrics metrics) {
        this.ctx = ctx;
        this.metrics = metrics;
        this.entries = selected.stream()
                .map(o -> new Entry(o, TopologyFactory.sinkName(o), OutputSerializer.of(o, format, bundle, topFeatures)))
                .toList();
    }

    void write(Record<byte[], byte[]> input, RecordResult result) {
        for (Entry e : entries) {
            e.serializer().write(result, (value, headers) -> {
                ctx.forward(new Record<>(input.key(), value, input.timestamp(), headers), e.sink());
                metrics.produced(e.output().id());
            });
        }
    }

    /** The original key, value and headers to the dead-letter topic, with why and where from. */
    void deadLetter(Record<byte[], byte[]> record, DeadLetterReason reason, Exception cause) {
        RecordMetadata meta = ctx.recordMetadata().orElse(null);
        ctx.forward(new Record<>(record.key(), record.value(), record.timestamp(), DeadLetterHeaders.of(record.headers(), reason,
                meta == null ? "" : meta.topic(), meta == null ? -1 : meta.partition(), meta == null ? -1 : meta.offset(), cause)),
                TopologyFactory.DEAD_LETTER_SINK);
        metrics.deadLetter(reason);
        metrics.produced("dead-letter");
    }
}
