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
        @JsonSubTypes.Type(value = Normalizer.Identity.class, name = "identity")
})
public sealed interface Normalizer {

    int size();

    /** {@code out[i] = normalized(in[i])}; {@code in} and {@code out} may be the same array. */
    void normalize(double[] in, double[] out);

    /** Inverse of {@link #normalize}. */
    void denormalize(double[] in, double[] out);

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
