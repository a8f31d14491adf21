package io.aestream.launcher.bench;

import io.aestream.bundle.BundleIO;
import io.aestream.bundle.ModelBundle;
import io.aestream.frame.WindowAssembler;
import io.aestream.frame.WindowFrameSpec;
import io.aestream.frame.WindowState;
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
import java.util.HashMap;
import java.util.Map;

/**
 * The reference the issue asks for: the pattern of Kafka Streams ML examples, a processor that hands each record to
 * the framework model's {@code output()} (here the bundle's SameDiff graph, through {@link NativeAutoencoder}) and
 * writes its reconstruction error. It decodes input with the app's own decoder and, for the window layout, cuts
 * windows with the app's own assembler, so only the inference (and where the state lives) differs. As in those
 * examples the per-key windows live in a plain map: a crash loses them, which the app's state stores do not.
 */
final class Dl4jScoring implements Processor<byte[], byte[], byte[], byte[]> {
    private final Path bundleDir;
    private ProcessorContext<byte[], byte[]> ctx;
    private InputDecoder decoder;
    private NativeAutoencoder model;
    /** Null for the vector layout. */
    private WindowAssembler windows;
    private final Map<String, WindowState> rings = new HashMap<>();
    private WindowFrameSpec windowSpec;

    Dl4jScoring(Path bundleDir) {
        this.bundleDir = bundleDir;
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        ctx = context;
        ModelBundle bundle = BundleIO.read(bundleDir);
        decoder = new InputDecoder(InputFormat.JSON, bundle.manifest().frameSpec());
        if (bundle.manifest().frameSpec() instanceof WindowFrameSpec spec) {
            windowSpec = spec;
            windows = new WindowAssembler(spec);
        }
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
        if (windows != null) {
            String key = new String(record.key(), StandardCharsets.UTF_8);
            x = windows.push(rings.computeIfAbsent(key, k -> WindowState.empty(windowSpec)), x);
            if (x == null) {
                return;
            }
        }
        double[] rec = model.reconstruct(new double[][] {x})[0];
        double error = 0;
        for (int i = 0; i < x.length; i++) {
            error += (x[i] - rec[i]) * (x[i] - rec[i]);
        }
        byte[] value = ("{\"ts\":" + row.ts() + ",\"score\":" + error / x.length + "}").getBytes(StandardCharsets.UTF_8);
        ctx.forward(record.withValue(value));
    }
}
