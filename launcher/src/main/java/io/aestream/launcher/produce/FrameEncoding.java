package io.aestream.launcher.produce;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The stream app's input value formats (its {@code AESTREAM_INPUT_FORMAT}): JSON {@code {"ts", "values"}} rows and
 * {@code {"ts", "pcm16": base64}} audio chunks, or binary little-endian float32 rows and PCM16 chunks, where the
 * record timestamp stands in for {@code ts}.
 */
public enum FrameEncoding {
    JSON,
    BINARY;

    /** @param ts the timestamp text as found (epoch ms or ISO-8601), or null to let the record timestamp count */
    public byte[] row(String ts, double[] values) {
        if (this == BINARY) {
            ByteBuffer buf = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
            for (double v : values) {
                buf.putFloat((float) v);
            }
            return buf.array();
        }
        ObjectNode node = withTs(ts);
        var array = node.putArray("values");
        for (double v : values) {
            array.add(v);
        }
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Samples in [-1, 1] as PCM16 (clipped), raw or base64 inside JSON. */
    public byte[] pcm(String ts, double[] samples) {
        ByteBuffer buf = ByteBuffer.allocate(2 * samples.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double s : samples) {
            buf.putShort((short) Math.round(Math.max(-1.0, Math.min(32767.0 / 32768.0, s)) * 32768.0));
        }
        if (this == BINARY) {
            return buf.array();
        }
        return withTs(ts).put("pcm16", Base64.getEncoder().encodeToString(buf.array())).toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    private static ObjectNode withTs(String ts) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        if (ts == null || ts.isBlank()) {
            return node;
        }
        try {
            node.put("ts", Long.parseLong(ts.trim()));
        } catch (NumberFormatException e) {
            node.put("ts", ts.trim()); // ISO-8601 text; the stream app validates it
        }
        return node;
    }
}
