package io.aestream.stream.topology;

import io.aestream.stream.message.BinaryMessages;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Denoised output of the tabular layouts and the codes output, AESTREAM_OUTPUT_FORMAT=binary: the values
 * {@link VectorJson} writes, as one {@link BinaryMessages} denoised value per frame.
 */
final class VectorBinary implements OutputSerializer {
    private final Function<ScoredFrame, double[]> vector;
    private final int count;
    private ByteBuffer buffer = BinaryMessages.buffer(1024);
    private final VersionBytes versions = new VersionBytes();

    VectorBinary(Function<ScoredFrame, double[]> vector, int count) {
        this.vector = vector;
        this.count = count;
    }

    @Override
    public void write(RecordResult result, ValueSink sink) {
        for (ScoredFrame frame : result.frames().scored()) {
            byte[] v = versions.of(frame.modelVersion());
            int size = BinaryMessages.denoisedSize(v, count);
            if (buffer.capacity() < size) {
                buffer = BinaryMessages.buffer(size);
            }
            double[] values = vector.apply(frame);
            BinaryMessages.writeDenoised(buffer, frame.ts(), v, values, values.length - count, count);
            sink.accept(Arrays.copyOf(buffer.array(), buffer.limit()), null);
        }
    }
}
