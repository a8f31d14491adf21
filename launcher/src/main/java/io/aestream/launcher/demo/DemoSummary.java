package io.aestream.launcher.demo;

import io.aestream.launcher.demo.data.AnomalyKind;
import io.aestream.launcher.demo.data.ExampleData;
import io.aestream.launcher.demo.data.NoiseMix;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The demo's results at one moment: throughput, detection quality per sensor model, and the speech model's SNR
 * gain. The same record is printed as the live status line, and written as {@code summary.json} and
 * {@code summary.md} at the end.
 */
public record DemoSummary(double streamingSeconds, long frames, double framesPerSecond, List<Detector> detectors,
                          Audio audio, long deadLetters, List<String> metricsUrls, List<String> trainCommands) {

    /** One sensor model's event-level results against the injected faults. */
    public record Detector(String model, long framesScored, long framesFlagged, int injected, int found, int detected,
                           double precision, double recall, Map<String, String> foundByKind) {
    }

    /** SNR of the noisy input and of the denoised output against the clean clip, over the samples received back. */
    public record Audio(String model, long samplesBack, long samplesSent, double snrInDb, double snrOutDb) {
        public double gainDb() {
            return snrOutDb - snrInDb;
        }
    }

    static DemoSummary of(double seconds, List<Pipeline> pipelines, OutputMonitor monitor, ExampleData.Files data,
                          List<String> urls, List<String> commands) {
        long frames = 0;
        long dead = 0;
        List<Detector> detectors = new ArrayList<>();
        Audio audio = null;
        long lagMs = (DemoModels.WINDOW - 1) * stepMs(data);
        for (Pipeline p : pipelines) {
            PipelineStats s = monitor.stats(p);
            frames += s.scoreCount();
            dead += s.deadLetters();
            if (p.audio()) {
                double[] back = s.denoisedAudio();
                audio = new Audio(p.name(), back.length, data.noisySpeech().length,
                        back.length == 0 ? Double.NaN : NoiseMix.snrDb(data.cleanSpeech(), java.util.Arrays.copyOf(data.noisySpeech(), back.length)),
                        back.length == 0 ? Double.NaN : NoiseMix.snrDb(data.cleanSpeech(), back));
            } else {
                EventMatch m = EventMatch.of(data.evaluation().anomalies(), s.detections(), lagMs);
                Map<String, String> byKind = new LinkedHashMap<>();
                for (Map.Entry<AnomalyKind, int[]> e : m.foundByKind().entrySet()) {
                    byKind.put(e.getKey().name().toLowerCase(Locale.ROOT), e.getValue()[0] + "/" + e.getValue()[1]);
                }
                detectors.add(new Detector(p.name(), s.scoreCount(), s.flaggedCount(), m.injected(), m.found(), m.detected(),
                        m.precision(), m.recall(), byKind));
            }
        }
        return new DemoSummary(seconds, frames, seconds > 0 ? frames / seconds : 0, detectors, audio, dead, urls, commands);
    }

    private static long stepMs(ExampleData.Files data) {
        long[] ts = data.evaluation().timestamps();
        return ts.length > 1 ? ts[1] - ts[0] : 0;
    }

    /** One status line for the console. */
    public String statusLine() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "[%5.1fs] %,d frames (%,.0f/s)", streamingSeconds, frames,
                framesPerSecond));
        for (Detector d : detectors) {
            b.append(String.format(Locale.ROOT, " | %s: %d/%d anomalies found, %d events, precision %.2f", d.model(), d.found(),
                    d.injected(), d.detected(), d.precision()));
        }
        if (audio != null && audio.samplesBack() > 0) {
            b.append(String.format(Locale.ROOT, " | speech SNR %.1f -> %.1f dB", audio.snrInDb(), audio.snrOutDb()));
        }
        if (deadLetters > 0) {
            b.append(" | dead letters ").append(deadLetters);
        }
        return b.toString();
    }

    public String toMarkdown() {
        StringBuilder b = new StringBuilder("# aestream demo summary\n\n");
        b.append(String.format(Locale.ROOT, "Streamed %,d frames in %.1f s (%,.0f frames/s overall); %d dead letters.%n%n",
                frames, streamingSeconds, framesPerSecond, deadLetters));
        b.append("## Anomalies found versus injected (event level)\n\n")
                .append("An injected fault counts as found when an anomaly event overlaps it (extended by one window, since a "
                        + "window's score belongs to its last row); an event is a true detection when it overlaps a fault.\n\n")
                .append("| model | frames | flagged | injected | found | events | precision | recall | found by kind |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Detector d : detectors) {
            b.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %.2f | %.2f | %s |%n", d.model(), d.framesScored(),
                    d.framesFlagged(), d.injected(), d.found(), d.detected(), d.precision(), d.recall(), d.foundByKind()));
        }
        if (audio != null) {
            b.append(String.format(Locale.ROOT, "%n## Speech denoising (%s)%n%nSNR against the clean clip over the %,d of %,d samples "
                            + "streamed back: noisy input %.2f dB, denoised output %.2f dB (%+.2f dB).%n", audio.model(),
                    audio.samplesBack(), audio.samplesSent(), audio.snrInDb(), audio.snrOutDb(), audio.gainDb()));
        }
        b.append("\n## Metrics\n\n");
        metricsUrls.forEach(u -> b.append("- ").append(u).append('\n'));
        b.append("\n## How the models were trained\n\n```\n");
        trainCommands.forEach(c -> b.append(c).append('\n'));
        return b.append("```\n").toString();
    }
}
