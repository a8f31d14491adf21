package io.aestream.stream.topology;

import io.aestream.stream.input.InputDecoder;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Denoised output of the audio layout: the samples an input chunk finalized as one little-endian PCM16 chunk with
 * the {@value InputDecoder#SAMPLE_RATE_HEADER} header, the form the input came in; no samples, no record.
 */
final class DenoisedPcm implements OutputSerializer {
    private final byte[] sampleRate;

    DenoisedPcm(int sampleRate) {
        this.sampleRate = Integer.toString(sampleRate).getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void write(RecordResult result, ValueSink sink) {
        double[] samples = result.frames().denoisedAudio();
        if (samples == null || samples.length == 0) {
            return;
        }
        ByteBuffer buf = ByteBuffer.allocate(2 * samples.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double s : samples) {
            buf.putShort(toPcm16(s));
        }
        RecordHeaders headers = new RecordHeaders();
        headers.add(InputDecoder.SAMPLE_RATE_HEADER, sampleRate.clone());
        sink.accept(buf.array(), headers);
    }

    /** A sample in [-1, 1] as PCM16: rounded, clipped. */
    static short toPcm16(double sample) {
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(sample * 32768.0)));
    }
}
