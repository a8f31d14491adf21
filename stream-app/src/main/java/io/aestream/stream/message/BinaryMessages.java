package io.aestream.stream.message;

import io.aestream.scoring.Classification;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary form of the scores and denoised values (AESTREAM_OUTPUT_FORMAT=binary): little-endian, the source id
 * in the record key as with JSON, numbers as IEEE float64 so values are exact. Every value starts with a layout
 * version byte (1); readers reject others.
 * <pre>
 * score:    u8 version | u8 flags (bit 0 anomaly, bit 1 likelihood present, bit 2 class present) | i64 ts | f64 score
 *           | f64 threshold | f64 likelihood (NaN when absent) | u16 L, L bytes UTF-8 model version
 *           | u16 n, n × (u16 feature index into the bundle's featureNames, f64 error)   [largest error first]
 *           [bit 2 only: | u16 C, C bytes UTF-8 class | f64 class probability]
 * denoised: u8 version | i64 ts | u16 L, L bytes UTF-8 model version | u16 n, n × f64 value
 * codes:    the denoised layout, the values being the code h
 * </pre>
 * The class fields are there only on frames a classifier named (flagged frames with AESTREAM_CLASSIFIER_PATH), so
 * without a classifier the values are what they were before classes existed.
 * The writer methods fill a caller's reusable buffer; the readers give back the JSON messages' records.
 */
public final class BinaryMessages {
    public static final byte VERSION = 1;
    private static final int ANOMALY = 1;
    private static final int HAS_LIKELIHOOD = 2;
    private static final int HAS_CLASS = 4;

    private BinaryMessages() {
    }

    /** Bytes a score value needs at most; {@code classification} may be null. */
    public static int scoreSize(byte[] modelVersion, int topFeatures, Classification classification) {
        return 1 + 1 + 8 + 8 + 8 + 8 + 2 + modelVersion.length + 2 + topFeatures * (2 + 8)
                + (classification == null ? 0 : 2 + 4 * classification.label().length() + 8);
    }

    /**
     * Writes a score value into {@code out} (little-endian, from position 0) and flips it for reading;
     * {@code classification} may be null (none).
     */
    public static void writeScore(ByteBuffer out, long ts, double score, double threshold, boolean anomaly, Double likelihood,
                                  byte[] modelVersion, int[] topFeatures, double[] featureErrors, Classification classification) {
        out.clear();
        out.put(VERSION).put((byte) ((anomaly ? ANOMALY : 0) | (likelihood != null ? HAS_LIKELIHOOD : 0)
                        | (classification != null ? HAS_CLASS : 0)))
                .putLong(ts).putDouble(score).putDouble(threshold).putDouble(likelihood != null ? likelihood : Double.NaN);
        out.putShort((short) modelVersion.length).put(modelVersion).putShort((short) topFeatures.length);
        for (int i : topFeatures) {
            out.putShort((short) i).putDouble(featureErrors[i]);
        }
        if (classification != null) {
            byte[] label = classification.label().getBytes(StandardCharsets.UTF_8);
            out.putShort((short) label.length).put(label).putDouble(classification.probability());
        }
        out.flip();
    }

    /** Bytes a denoised value of {@code values} numbers needs. */
    public static int denoisedSize(byte[] modelVersion, int values) {
        return 1 + 8 + 2 + modelVersion.length + 2 + 8 * values;
    }

    /** Writes a denoised value of {@code values[from..from+count)} into {@code out} and flips it for reading. */
    public static void writeDenoised(ByteBuffer out, long ts, byte[] modelVersion, double[] values, int from, int count) {
        out.clear();
        out.put(VERSION).putLong(ts).putShort((short) modelVersion.length).put(modelVersion).putShort((short) count);
        for (int i = from; i < from + count; i++) {
            out.putDouble(values[i]);
        }
        out.flip();
    }

    /** A little-endian buffer for the writers. */
    public static ByteBuffer buffer(int capacity) {
        return ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The score in {@code value}; feature indices name {@code featureNames} (the bundle's), or "#i" when null. */
    public static ScoreMessage readScore(String key, byte[] value, List<String> featureNames) {
        ByteBuffer in = open(value);
        try {
            int flags = in.get();
            long ts = in.getLong();
            double score = in.getDouble();
            double threshold = in.getDouble();
            double likelihood = in.getDouble();
            String modelVersion = text(in);
            int n = Short.toUnsignedInt(in.getShort());
            List<ScoreMessage.FeatureError> top = new ArrayList<>(n);
            for (int j = 0; j < n; j++) {
                int i = Short.toUnsignedInt(in.getShort());
                top.add(new ScoreMessage.FeatureError(featureNames == null ? "#" + i : featureNames.get(i), in.getDouble()));
            }
            boolean classified = (flags & HAS_CLASS) != 0;
            String label = classified ? text(in) : null;
            Double probability = classified ? in.getDouble() : null;
            requireEnd(in);
            return new ScoreMessage(ts, key, score, (flags & HAS_LIKELIHOOD) != 0 ? likelihood : null, threshold,
                    (flags & ANOMALY) != 0, modelVersion, top, label, probability);
        } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("binary score: truncated or bad feature index (" + value.length + " bytes)", e);
        }
    }

    public static DenoisedMessage readDenoised(String key, byte[] value) {
        ByteBuffer in = open(value);
        try {
            long ts = in.getLong();
            String modelVersion = text(in);
            double[] values = new double[Short.toUnsignedInt(in.getShort())];
            for (int i = 0; i < values.length; i++) {
                values[i] = in.getDouble();
            }
            requireEnd(in);
            return new DenoisedMessage(ts, key, modelVersion, values);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("binary denoised value: truncated (" + value.length + " bytes)", e);
        }
    }

    private static ByteBuffer open(byte[] value) {
        if (value == null || value.length == 0 || value[0] != VERSION) {
            throw new IllegalArgumentException("binary output: expected layout version " + VERSION + ", found "
                    + (value == null || value.length == 0 ? "no bytes" : Byte.toString(value[0])));
        }
        return ByteBuffer.wrap(value, 1, value.length - 1).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static String text(ByteBuffer in) {
        byte[] bytes = new byte[Short.toUnsignedInt(in.getShort())];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void requireEnd(ByteBuffer in) {
        if (in.hasRemaining()) {
            throw new IllegalArgumentException("binary output: " + in.remaining() + " bytes after the value");
        }
    }
}
