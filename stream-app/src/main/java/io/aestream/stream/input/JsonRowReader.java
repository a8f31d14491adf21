package io.aestream.stream.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/**
 * The fast path of {@link InputDecoder} for the common tabular record, {@code {"ts": <epoch ms>, "values": [numbers]}}
 * with other fields ignored: one streaming pass, no tree. It accepts only records the tree decoder accepts with the
 * same result, and answers null for anything else (a duplicate or textual field, a wrong count, bad JSON, trailing
 * tokens...), which the tree decoder then accepts or rejects with its precise reason. So the validation rules stay
 * in one place; this only makes the valid case cheap (building the tree took most of the decoding time).
 */
final class JsonRowReader {

    private JsonRowReader() {
    }

    /** The row, or null: not the common shape, decide with the tree decoder. */
    static FrameInput.Row read(byte[] value, int width, long recordTs) {
        try (JsonParser p = InputDecoder.JSON_FACTORY.createParser(value)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            double[] values = null;
            long ts = -1;
            boolean tsSeen = false;
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                if ("values".equals(field)) {
                    if (values != null || v != JsonToken.START_ARRAY || (values = numbers(p, width)) == null) {
                        return null;
                    }
                } else if ("ts".equals(field)) {
                    if (tsSeen || (ts = timestamp(p, v)) == Long.MIN_VALUE) {
                        return null;
                    }
                    tsSeen = true;
                } else {
                    p.skipChildren();
                }
            }
            if (values == null || p.nextToken() != null) {
                return null;
            }
            return new FrameInput.Row(ts < 0 ? recordTs : ts, values);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Exactly {@code width} numbers, then the array's end; null otherwise. */
    private static double[] numbers(JsonParser p, int width) throws IOException {
        double[] out = new double[width];
        int n = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (n == width || (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT)) {
                return null;
            }
            out[n++] = p.getDoubleValue();
        }
        return n == width ? out : null;
    }

    /** Epoch ms ≥ 0 as a JSON integer, -1 for null (the record's timestamp); Long.MIN_VALUE for any other form. */
    private static long timestamp(JsonParser p, JsonToken v) throws IOException {
        if (v == JsonToken.VALUE_NULL) {
            return -1;
        }
        if (v == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER && p.getLongValue() >= 0) {
            return p.getLongValue();
        }
        return Long.MIN_VALUE;
    }
}
