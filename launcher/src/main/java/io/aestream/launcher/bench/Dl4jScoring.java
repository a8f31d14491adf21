package io.aestream.launcher.bench;

import io.aestream.bundle.BundleIO;
import io.aestream.bundle.ModelBundle;
import io.aestream.stream.config.InputFormat;
import io.aestream.stream.input.BadInputException;
import io.aestream.stream.input.FrameInput;
import io.aestream.stream.input.InputDecoder;
import io.aestream.trainer.train.NativeAutoencoder;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The reference the issue asks for: the pattern of Kafka Streams ML examples, a processor that hands each record to
 * the framework model's {@code output()} (here the bundle's SameDiff graph, through {@link NativeAutoencoder}) and
 * writes its reconstruction error. It decodes input with the app's own decoder, so only the inference differs.
 * Vector layout only: the window layout would need the app's per-key window state as well.
 */
final class Dl4jScoring implements Processor<byte[], byte[], byte[], byte[]> {
    private final Path bundleDir;
    private ProcessorContext<byte[], byte[]> ctx;
    private InputDecoder decoder;
    private NativeAutoencoder model;

    Dl4jScoring(Path bundleDir) {
        this.bundleDir = bundleDir;
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        ctx = context;
        ModelBundle bundle = BundleIO.read(bundleDir);
        decoder = new InputDecoder(InputFormat.JSON, bundle.manifest().frameSpec());
        try {
            model = NativeAutoencoder.fromBytes(Files.readAllBytes(bundleDir.resolve(NativeAutoencoder.FILE_NAME)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        FrameInput.Row row;
        try {
            row = (FrameInput.Row) decoder.decode(record.value(), record.headers(), record.timestamp());
        } catch (BadInputException e) {
            return;
        }
        double[] x = row.values();
        double[] rec = model.reconstruct(new double[][] {x})[0];
        double error = 0;
        for (int i = 0; i < x.length; i++) {
            error += (x[i] - rec[i]) * (x[i] - rec[i]);
        }
        byte[] value = ("{\"ts\":" + row.ts() + ",\"score\":" + error / x.length + "}").getBytes(StandardCharsets.UTF_8);
        ctx.forward(record.withValue(value));
    }
}
