package io.aestream.scoring;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.Arrays;

/**
 * Maps raw frame features to the scale the network was trained on, and back. Fitted on training rows only
 * (by the trainer) and stored in the bundle. One value per model input.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Normalizer.Standardize.class, name = "standardize"),
        @JsonSubTypes.Type(value = Normalizer.MinMax.class, name = "minmax"),
        @JsonSubTypes.Type(value = Normalizer.Identity.class, name = "identity"),
        @JsonSubTypes.Type(value = Normalizer.PerFrame.class, name = "per-frame")
})
public sealed interface Normalizer {

    int size();

    /** {@code out[i] = normalized(in[i])}; {@code in} and {@code out} may be the same array. */
    void normalize(double[] in, double[] out);

    /** Inverse of {@link #normalize}. */
    void denormalize(double[] in, double[] out);

    /** Inverse of {@link #normalize} for the frame {@code raw} was: only {@link PerFrame} needs {@code raw}'s statistics. */
    default void denormalize(double[] raw, double[] in, double[] out) {
        denormalize(in, out);
    }

    /** z = (x − mean) / std. A zero std (constant feature in training) is stored as 1 so the feature maps to 0. */
    record Standardize(double[] mean, double[] std) implements Normalizer {
        public Standardize {
            requireSameLength("standardize", mean, std);
            for (int i = 0; i < std.length; i++) {
                if (!(std[i] > 0) || !Double.isFinite(std[i])) {
                    throw new IllegalArgumentException("normalizer std[" + i + "]: must be finite and > 0, got " + std[i]);
                }
                requireFinite("normalizer mean[" + i + "]", mean[i]);
            }
            mean = mean.clone();
            std = std.clone();
        }

        @Override
        public int size() {
            return mean.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Standardize other && Arrays.equals(mean, other.mean) && Arrays.equals(std, other.std);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
        }

        @Override
        public String toString() {
            return "Standardize[mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + "]";
        }

        @Override
        public void normalize(double[] in, double[] out) {
            for (int i = 0; i < mean.length; i++) {
                out[i] = (in[i] - mean[i]) / std[i];
            }
        }

        @Override
        public void denormalize(double[] in, double[] out) {
            for (int i = 0; i < mean.length; i++) {
                out[i] = in[i] * std[i] + mean[i];
            }
        }
    }

    /** x' = (x − min) / (max − min), in [0, 1] on the training rows; suits Bernoulli outputs. */
    record MinMax(double[] min, double[] max) implements Normalizer {
        public MinMax {
            requireSameLength("minmax", min, max);
            for (int i = 0; i < min.length; i++) {
                requireFinite("normalizer min[" + i + "]", min[i]);
                requireFinite("normalizer max[" + i + "]", max[i]);
                if (!(max[i] > min[i])) {
                    throw new IllegalArgumentException("normalizer max[" + i + "]: must be > min " + min[i] + ", got " + max[i]);
                }
            }
            min = min.clone();
            max = max.clone();
        }

        @Override
        public int size() {
            return min.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof MinMax other && Arrays.equals(min, other.min) && Arrays.equals(max, other.max);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(min) + Arrays.hashCode(max);
        }

        @Override
        public String toString() {
            return "MinMax[min=" + Arrays.toString(min) + ", max=" + Arrays.toString(max) + "]";
        }

        @Override
        public void normalize(double[] in, double[] out) {
            for (int i = 0; i < min.length; i++) {
                out[i] = (in[i] - min[i]) / (max[i] - min[i]);
            }
        }

        @Override
        public void denormalize(double[] in, double[] out) {
            for (int i = 0; i < min.length; i++) {
                out[i] = in[i] * (max[i] - min[i]) + min[i];
            }
        }
    }

    /** For data already on the model's scale (binary or one-hot frames). */
    record Identity(int size) implements Normalizer {
        public Identity {
            if (size <= 0) {
                throw new IllegalArgumentException("normalizer size: must be > 0, got " + size);
            }
        }

        @Override
        public void normalize(double[] in, double[] out) {
            System.arraycopy(in, 0, out, 0, size);
        }

        @Override
        public void denormalize(double[] in, double[] out) {
            System.arraycopy(in, 0, out, 0, size);
        }
    }

    /**
     * Each window z-normalized per column over its own rows: the frame's shape, not its level, for shape anomalies.
     * The window's std is held to {@code floor[j]}, so that a flat window does not blow its noise up into a shape;
     * {@code passThrough[j]} columns (Bernoulli 0/1) are left as they are. Frames are time-major, {@code window}
     * rows of {@code floor.length} columns. Inverting needs the raw frame's own statistics.
     */
    record PerFrame(int window, double[] floor, boolean[] passThrough) implements Normalizer {
        public PerFrame {
            if (window < 2) {
                throw new IllegalArgumentException("normalizer per-frame: needs windows of >= 2 rows, got " + window);
            }
            if (floor == null || passThrough == null || floor.length == 0 || floor.length != passThrough.length) {
                throw new IllegalArgumentException("normalizer per-frame: one floor and one pass-through flag per column");
            }
            for (int j = 0; j < floor.length; j++) {
                if (!passThrough[j] && !(floor[j] > 0 && Double.isFinite(floor[j]))) {
                    throw new IllegalArgumentException("normalizer per-frame floor[" + j + "]: must be finite and > 0, got " + floor[j]);
                }
            }
            floor = floor.clone();
            passThrough = passThrough.clone();
        }

        @Override
        public int size() {
            return window * floor.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof PerFrame other && window == other.window && Arrays.equals(floor, other.floor)
                    && Arrays.equals(passThrough, other.passThrough);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * window + Arrays.hashCode(floor)) + Arrays.hashCode(passThrough);
        }

        @Override
        public String toString() {
            return "PerFrame[window=" + window + ", floor=" + Arrays.toString(floor) + ", passThrough=" + Arrays.toString(passThrough) + "]";
        }

        @Override
        public void normalize(double[] in, double[] out) {
            int c = floor.length;
            for (int j = 0; j < c; j++) {
                double mean = passThrough[j] ? 0 : mean(in, j);
                double scale = passThrough[j] ? 1 : scale(in, j, mean);
                for (int t = 0; t < window; t++) {
                    out[t * c + j] = (in[t * c + j] - mean) / scale;
                }
            }
        }

        /** Without the raw frame there is nothing to invert with. */
        @Override
        public void denormalize(double[] in, double[] out) {
            throw new IllegalStateException("normalizer per-frame: inverting needs the raw frame (denormalize(raw, in, out))");
        }

        @Override
        public void denormalize(double[] raw, double[] in, double[] out) {
            int c = floor.length;
            for (int j = 0; j < c; j++) {
                double mean = passThrough[j] ? 0 : mean(raw, j);
                double scale = passThrough[j] ? 1 : scale(raw, j, mean);
                for (int t = 0; t < window; t++) {
                    out[t * c + j] = in[t * c + j] * scale + mean;
                }
            }
        }

        private double mean(double[] frame, int j) {
            double sum = 0;
            for (int t = 0; t < window; t++) {
                sum += frame[t * floor.length + j];
            }
            return sum / window;
        }

        private double scale(double[] frame, int j, double mean) {
            double sum = 0;
            for (int t = 0; t < window; t++) {
                double d = frame[t * floor.length + j] - mean;
                sum += d * d;
            }
            return Math.max(Math.sqrt(sum / window), floor[j]);
        }
    }

    private static void requireSameLength(String what, double[] a, double[] b) {
        if (a == null || b == null || a.length == 0) {
            throw new IllegalArgumentException("normalizer " + what + ": parameters must be non-empty");
        }
        if (a.length != b.length) {
            throw new IllegalArgumentException("normalizer " + what + ": parameter lengths differ, " + a.length + " vs " + b.length);
        }
    }

    private static void requireFinite(String what, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(what + ": must be finite, got " + v);
        }
    }
}
