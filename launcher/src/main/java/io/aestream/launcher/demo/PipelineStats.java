package io.aestream.launcher.demo;

import io.aestream.launcher.demo.EventMatch.Detection;
import io.aestream.stream.message.EventMessage;
import io.aestream.stream.message.ScoreMessage;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one stream app sent back: its scores, anomaly events, dead letters and, for audio, the denoised PCM in
 * arrival order. Filled by the {@link OutputMonitor}'s thread, read by the demo's; hence synchronized.
 */
public final class PipelineStats {
    /** One line of the scores CSV. */
    public record Score(long ts, double score, double threshold, boolean anomaly) {
    }

    private final List<Score> scores = new ArrayList<>();
    private final Map<Long, Detection> events = new LinkedHashMap<>();
    private double[] denoised = new double[0];
    private int denoisedSamples;
    private long flagged;
    private long deadLetters;

    synchronized void onScore(ScoreMessage m) {
        scores.add(new Score(m.ts(), m.score(), m.threshold(), m.anomaly()));
        if (m.anomaly()) {
            flagged++;
        }
    }

    /** Keyed by start: the closing message replaces the opening one with the event's full extent. */
    synchronized void onEvent(EventMessage m) {
        long end = m.end() != null ? m.end() : Math.max(m.start(), m.peakTs());
        events.put(m.start(), new Detection(m.start(), end));
    }

    synchronized void onDenoisedPcm(byte[] pcm16) {
        ByteBuffer buf = ByteBuffer.wrap(pcm16).order(ByteOrder.LITTLE_ENDIAN);
        int n = pcm16.length / 2;
        if (denoisedSamples + n > denoised.length) {
            denoised = Arrays.copyOf(denoised, Math.max(2 * denoised.length, denoisedSamples + n));
        }
        for (int i = 0; i < n; i++) {
            denoised[denoisedSamples++] = buf.getShort() / 32768.0;
        }
    }

    synchronized void onDeadLetter() {
        deadLetters++;
    }

    public synchronized long scoreCount() {
        return scores.size();
    }

    public synchronized long flaggedCount() {
        return flagged;
    }

    public synchronized long deadLetters() {
        return deadLetters;
    }

    public synchronized List<Score> scores() {
        return List.copyOf(scores);
    }

    public synchronized List<Detection> detections() {
        return List.copyOf(events.values());
    }

    public synchronized double[] denoisedAudio() {
        return Arrays.copyOf(denoised, denoisedSamples);
    }

    public synchronized int denoisedSampleCount() {
        return denoisedSamples;
    }
}
