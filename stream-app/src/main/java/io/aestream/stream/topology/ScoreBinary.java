package io.aestream.stream.topology;

import io.aestream.stream.message.BinaryMessages;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** Scores output, AESTREAM_OUTPUT_FORMAT=binary: one {@link BinaryMessages} score per scored frame. */
final class ScoreBinary implements OutputSerializer {
    private final int topFeatures;
    private ByteBuffer buffer = BinaryMessages.buffer(256);
    private final VersionBytes versions = new VersionBytes();

    ScoreBinary(int topFeatures) {
        this.topFeatures = topFeatures;
    }

    @Override
    public void write(RecordResult result, ValueSink sink) {
        for (ScoredFrame frame : result.frames().scored()) {
            byte[] v = versions.of(frame.modelVersion());
            int[] top = frame.score().topFeatures(topFeatures);
            int size = BinaryMessages.scoreSize(v, top.length, frame.classification());
            if (buffer.capacity() < size) {
                buffer = BinaryMessages.buffer(size);
            }
            BinaryMessages.writeScore(buffer, frame.ts(), frame.score().score(), frame.threshold(), frame.anomaly(),
                    frame.likelihood(), v, top, frame.score().featureErrors(), frame.classification());
            sink.accept(Arrays.copyOf(buffer.array(), buffer.limit()), null);
        }
    }
}
