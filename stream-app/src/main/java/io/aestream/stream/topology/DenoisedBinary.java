package io.aestream.stream.topology;

import io.aestream.stream.message.BinaryMessages;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Denoised output of the tabular layouts, AESTREAM_OUTPUT_FORMAT=binary: the values {@link DenoisedJson} writes
 * (the last {@code columns} of the reconstruction), as one {@link BinaryMessages} denoised value per frame.
 */
final class DenoisedBinary implements OutputSerializer {
    private final int columns;
    private ByteBuffer buffer = BinaryMessages.buffer(1024);
    private final VersionBytes versions = new VersionBytes();

    DenoisedBinary(int columns) {
        this.columns = columns;
    }

    @Override
    public void write(RecordResult result, ValueSink sink) {
        for (ScoredFrame frame : result.frames().scored()) {
            byte[] v = versions.of(frame.modelVersion());
            int size = BinaryMessages.denoisedSize(v, columns);
            if (buffer.capacity() < size) {
                buffer = BinaryMessages.buffer(size);
            }
            double[] rec = frame.score().reconstruction();
            BinaryMessages.writeDenoised(buffer, frame.ts(), v, rec, rec.length - columns, columns);
            sink.accept(Arrays.copyOf(buffer.array(), buffer.limit()), null);
        }
    }
}
