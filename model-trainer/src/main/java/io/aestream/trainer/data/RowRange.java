package io.aestream.trainer.data;

/** Half-open range of global rows {@code [start, end)}. */
public record RowRange(int start, int end) {
    public RowRange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("row range: need 0 <= start <= end, got " + start + ":" + end);
        }
    }

    /** Parses {@code A:B}; {@code A:} runs to {@code rows}, {@code :B} starts at 0. */
    public static RowRange parse(String text, int rows) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("row range: expected A:B, got '" + text + "'");
        }
        try {
            String a = text.substring(0, colon).trim();
            String b = text.substring(colon + 1).trim();
            int start = a.isEmpty() ? 0 : Integer.parseInt(a);
            int end = b.isEmpty() ? rows : Math.min(Integer.parseInt(b), rows);
            return new RowRange(start, end);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("row range: expected A:B with integers, got '" + text + "'", e);
        }
    }

    public int length() {
        return end - start;
    }

    /** Whether rows {@code first..last} (inclusive) all lie in this range. */
    public boolean covers(int first, int last) {
        return first >= start && last < end;
    }

    @Override
    public String toString() {
        return start + ":" + end;
    }
}
