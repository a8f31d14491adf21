package io.aestream.launcher.demo;

import io.aestream.launcher.demo.data.AnomalyKind;
import io.aestream.launcher.demo.data.InjectedAnomaly;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Event-level detection quality: an injected fault is found when a detected event overlaps it, and a detected
 * event is true when it overlaps a fault. A window frame belongs to its last row, so a fault keeps raising scores
 * for up to a window after it ends: {@code lagMs} extends each fault by that much.
 *
 * @param foundByKind found / injected per kind
 */
public record EventMatch(int injected, int found, int detected, int trueDetections, Map<AnomalyKind, int[]> foundByKind) {

    /** A detected event, {@code startTs..endTs} inclusive (epoch ms). */
    public record Detection(long startTs, long endTs) {
    }

    public static EventMatch of(List<InjectedAnomaly> faults, List<Detection> detections, long lagMs) {
        Map<AnomalyKind, int[]> byKind = new EnumMap<>(AnomalyKind.class);
        int found = 0;
        for (InjectedAnomaly f : faults) {
            boolean hit = detections.stream().anyMatch(d -> overlaps(f, d, lagMs));
            int[] counts = byKind.computeIfAbsent(f.kind(), k -> new int[2]);
            counts[1]++;
            if (hit) {
                counts[0]++;
                found++;
            }
        }
        int trueDetections = (int) detections.stream().filter(d -> faults.stream().anyMatch(f -> overlaps(f, d, lagMs))).count();
        return new EventMatch(faults.size(), found, detections.size(), trueDetections, byKind);
    }

    private static boolean overlaps(InjectedAnomaly f, Detection d, long lagMs) {
        return d.startTs() <= f.endTs() + lagMs && d.endTs() >= f.startTs();
    }

    /** Share of detected events that overlap a fault; 0 when nothing was detected. */
    public double precision() {
        return detected == 0 ? 0 : (double) trueDetections / detected;
    }

    /** Share of faults found; 0 when none were injected. */
    public double recall() {
        return injected == 0 ? 0 : (double) found / injected;
    }
}
