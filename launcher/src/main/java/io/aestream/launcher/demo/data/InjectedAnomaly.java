package io.aestream.launcher.demo.data;

/**
 * One injected fault: rows {@code firstRow..lastRow} (inclusive) of the evaluation part, timestamps
 * {@code startTs..endTs} (epoch ms, inclusive).
 */
public record InjectedAnomaly(AnomalyKind kind, String sensor, int firstRow, int lastRow, long startTs, long endTs) {
    public InjectedAnomaly {
        if (lastRow < firstRow) {
            throw new IllegalArgumentException("lastRow: must be >= firstRow " + firstRow + ", got " + lastRow);
        }
        if (endTs < startTs) {
            throw new IllegalArgumentException("endTs: must be >= startTs " + startTs + ", got " + endTs);
        }
    }
}
