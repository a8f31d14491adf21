package io.aestream.trainer.eval.speech;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every enhancer on every (noisy, clean) pair, and the mean of each metric per enhancer.
 *
 * @param perFile file name → enhancer name → its figures
 * @param means   enhancer name → mean figures over the files
 */
public record SpeechEvaluation(Map<String, Map<String, SpeechMetrics>> perFile, Map<String, SpeechMetrics> means) {

    /** One noisy recording and its clean reference. */
    public record Pair(String name, double[] noisy, double[] clean) {
    }

    public static SpeechEvaluation run(List<Pair> pairs, List<Enhancer> enhancers) {
        Map<String, Map<String, SpeechMetrics>> perFile = new LinkedHashMap<>();
        for (Pair p : pairs) {
            Map<String, SpeechMetrics> row = new LinkedHashMap<>();
            for (Enhancer e : enhancers) {
                row.put(e.name(), SpeechMetrics.of(p.clean(), e.apply().apply(p.noisy())));
            }
            perFile.put(p.name(), row);
        }
        Map<String, SpeechMetrics> means = new LinkedHashMap<>();
        for (Enhancer e : enhancers) {
            means.put(e.name(), mean(perFile.values().stream().map(r -> r.get(e.name())).toList()));
        }
        return new SpeechEvaluation(perFile, means);
    }

    public static SpeechMetrics mean(List<SpeechMetrics> all) {
        List<SpeechMetrics> list = new ArrayList<>(all);
        double snr = 0;
        double seg = 0;
        double si = 0;
        for (SpeechMetrics m : list) {
            snr += m.snrDb();
            seg += m.segmentalSnrDb();
            si += m.siSdrDb();
        }
        int n = list.size();
        return new SpeechMetrics(snr / n, seg / n, si / n);
    }
}
