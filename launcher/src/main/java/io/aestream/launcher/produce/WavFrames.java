package io.aestream.launcher.produce;

import io.aestream.stream.input.InputDecoder;
import io.aestream.trainer.data.WavIO;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Mono PCM16 audio → {@link FrameRecord}s of {@code chunkMs} each under one key, carrying the sample rate in the
 * header the stream app checks against its model.
 */
public final class WavFrames {
    private final String key;
    private final int chunkMs;
    private final FrameEncoding encoding;

    public WavFrames(String key, int chunkMs, FrameEncoding encoding) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("--key: required for audio, got '" + key + "'");
        }
        if (chunkMs < 1 || chunkMs > 10_000) {
            throw new IllegalArgumentException("--chunk-ms: must be in [1, 10000], got " + chunkMs);
        }
        this.key = key;
        this.chunkMs = chunkMs;
        this.encoding = encoding;
    }

    public List<FrameRecord> read(Path file) {
        var audio = WavIO.read(file);
        return chunks(audio.samples(), audio.sampleRate());
    }

    public List<FrameRecord> chunks(double[] samples, int sampleRate) {
        int chunk = Math.max(1, sampleRate * chunkMs / 1000);
        Map<String, byte[]> headers = Map.of(InputDecoder.SAMPLE_RATE_HEADER, Integer.toString(sampleRate).getBytes(StandardCharsets.UTF_8));
        List<FrameRecord> out = new ArrayList<>(samples.length / chunk + 1);
        for (int from = 0; from < samples.length; from += chunk) {
            double[] part = Arrays.copyOfRange(samples, from, Math.min(samples.length, from + chunk));
            out.add(new FrameRecord(key, encoding.pcm(null, part), headers));
        }
        return out;
    }
}
