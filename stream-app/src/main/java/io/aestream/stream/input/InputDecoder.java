package io.aestream.stream.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.aestream.frame.AudioFrameSpec;
import io.aestream.frame.FrameSpec;
import io.aestream.frame.TabularFrameSpec;
import io.aestream.frame.WindowFrameSpec;
import io.aestream.stream.config.InputFormat;
import io.aestream.stream.config.InputLimits;
import io.aestream.stream.config.Settings;
import io.aestream.stream.errors.DeadLetterReason;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;

/**
 * Record value → {@link FrameInput} for one bundle's frame spec and the configured input format:
 * <ul>
 *   <li>vector: JSON {@code {"ts", "values": [one per column]}} or one little-endian float32 row;</li>
 *   <li>window: one row per record, JSON {@code "values"} (or {@code "value"} for a single column) or float32;</li>
 *   <li>audio: little-endian PCM16 of any even length, or JSON {@code {"ts", "pcm16": base64}}; the record header
 *       {@value #SAMPLE_RATE_HEADER} (decimal text) must equal the bundle's sample rate.</li>
 * </ul>
 * {@code ts} is epoch milliseconds or ISO-8601; absent (and always for binary) the record timestamp is used.
 * Hostile input is a dead letter, never a crash or a stall: an empty value, one larger than
 * {@link InputLimits#maxRecordBytes()}, JSON nested deeper than {@value #MAX_JSON_DEPTH}, a payload timestamp more than
 * {@link InputLimits#maxFutureMs()} ahead of the record's, a key that is not UTF-8. Unknown JSON fields are ignored.
 * Timestamps may go backwards (rows are framed in arrival order, each keeps its own {@code ts}), and a replayed record
 * is scored again: the app does not deduplicate, upstream exactly-once is the producer's to give.
 * Stateless and thread-safe.
 */
public final class InputDecoder {
    public static final String SAMPLE_RATE_HEADER = "aestream.sample.rate";
    /** A frame is a flat object; deeper nesting is hostile and must not cost stack or heap. */
    static final int MAX_JSON_DEPTH = 16;
    /**
     * The one JSON factory of the input path (tree and streaming readers). Numbers are parsed with Jackson's fast
     * double parser: the JDK's took a quarter of the decoding time.
     */
    static final JsonFactory JSON_FACTORY = JsonFactory.builder().enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_JSON_DEPTH).build()).build();
    private static final ObjectReader JSON = new ObjectMapper(JSON_FACTORY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).reader();

    private final InputFormat format;
    private final FrameSpec spec;
    private final InputLimits limits;

    public InputDecoder(InputFormat format, FrameSpec spec, InputLimits limits) {
        this.format = format;
        this.spec = spec;
        this.limits = limits;
    }

    public InputDecoder(InputFormat format, FrameSpec spec) {
        this(format, spec, InputLimits.DEFAULTS);
    }

    /** The record key as the source id; keys that are not UTF-8 would collide once decoded leniently. */
    public static String key(byte[] key) throws BadInputException {
        if (key == null) {
            throw new BadInputException(DeadLetterReason.MISSING_KEY, "record has no key (the source id)");
        }
        // Lenient decoding is the per-record fast path; it marks malformed bytes with U+FFFD, and only then does a strict
        // decoder (allocated per call) tell a key that holds U+FFFD itself from one that is not UTF-8.
        String text = new String(key, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') < 0) {
            return text;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(key)).toString();
        } catch (CharacterCodingException e) {
            throw new BadInputException(DeadLetterReason.MALFORMED_KEY, "record key is not UTF-8 (" + key.length + " bytes)", e);
        }
    }

    public FrameInput decode(byte[] value, Headers headers, long recordTs) throws BadInputException {
        if (value == null) {
            throw new BadInputException(DeadLetterReason.MISSING_VALUES, "record has no value (tombstone)");
        }
        if (value.length == 0) {
            throw new BadInputException(DeadLetterReason.EMPTY_VALUE, "record value is empty");
        }
        if (value.length > limits.maxRecordBytes()) {
            throw new BadInputException(DeadLetterReason.TOO_LARGE, "record value of " + value.length + " bytes exceeds "
                    + Settings.MAX_RECORD_BYTES + "=" + limits.maxRecordBytes());
        }
        FrameInput input = decodeValue(value, headers, recordTs);
        if (input.ts() > recordTs && input.ts() - recordTs > limits.maxFutureMs()) {
            throw new BadInputException(DeadLetterReason.FUTURE_TIMESTAMP, "\"ts\" " + input.ts() + " is " + (input.ts() - recordTs)
                    + " ms ahead of the record's timestamp " + recordTs + " (" + Settings.MAX_FUTURE_MS + "=" + limits.maxFutureMs() + ")");
        }
        return input;
    }

    private FrameInput decodeValue(byte[] value, Headers headers, long recordTs) throws BadInputException {
        if (spec instanceof AudioFrameSpec audio) {
            requireSampleRate(headers, audio.sampleRate());
            if (format == InputFormat.BINARY) {
                return new FrameInput.PcmChunk(recordTs, pcm16(value));
            }
            JsonNode json = parse(value);
            JsonNode pcm = json.get("pcm16");
            if (pcm == null || !pcm.isTextual()) {
                throw new BadInputException(DeadLetterReason.MISSING_VALUES, "audio JSON needs \"pcm16\" (base64 text)");
            }
            try {
                return new FrameInput.PcmChunk(timestamp(json, recordTs), pcm16(Base64.getDecoder().decode(pcm.asText())));
            } catch (IllegalArgumentException e) {
                throw new BadInputException(DeadLetterReason.MALFORMED_JSON, "\"pcm16\" is not base64: " + e.getMessage(), e);
            }
        }
        int width = columns().size();
        if (format == InputFormat.BINARY) {
            return new FrameInput.Row(recordTs, requireFinite(float32(value, width)));
        }
        FrameInput.Row common = JsonRowReader.read(value, width, recordTs);
        if (common != null) {
            return new FrameInput.Row(common.ts(), requireFinite(common.values()));
        }
        JsonNode json = parse(value);
        JsonNode values = json.get("values");
        if (values == null && spec instanceof WindowFrameSpec && width == 1) {
            values = json.get("value");
        }
        if (values == null || values.isNull()) {
            throw new BadInputException(DeadLetterReason.MISSING_VALUES, "JSON frame needs \"values\""
                    + (spec instanceof WindowFrameSpec && width == 1 ? " or \"value\"" : "") + ": one number per column " + columns());
        }
        return new FrameInput.Row(timestamp(json, recordTs), requireFinite(numbers(values, width)));
    }

    private List<String> columns() {
        return ((TabularFrameSpec) spec).columns();
    }

    private static JsonNode parse(byte[] value) throws BadInputException {
        try {
            JsonNode node = JSON.readTree(value);
            if (node == null || !node.isObject()) {
                throw new BadInputException(DeadLetterReason.MALFORMED_JSON, "expected a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new BadInputException(DeadLetterReason.MALFORMED_JSON, "not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new BadInputException(DeadLetterReason.MALFORMED_JSON, "unreadable JSON: " + e.getMessage(), e);
        }
    }

    private static double[] numbers(JsonNode values, int width) throws BadInputException {
        if (values.isNumber() && width == 1) {
            return new double[] {values.asDouble()};
        }
        if (!values.isArray()) {
            throw new BadInputException(DeadLetterReason.MALFORMED_JSON, "\"values\" must be an array of numbers");
        }
        if (values.size() != width) {
            throw new BadInputException(DeadLetterReason.WRONG_DIMENSION, "expected " + width + " values, found " + values.size());
        }
        double[] out = new double[width];
        for (int i = 0; i < width; i++) {
            JsonNode v = values.get(i);
            if (!v.isNumber()) {
                throw new BadInputException(DeadLetterReason.MALFORMED_JSON, "values[" + i + "] is not a number: " + v);
            }
            out[i] = v.asDouble();
        }
        return out;
    }

    private static double[] float32(byte[] value, int width) throws BadInputException {
        if (value.length != 4 * width) {
            throw new BadInputException(DeadLetterReason.WRONG_DIMENSION, "expected " + width + " float32 values ("
                    + 4 * width + " bytes), found " + value.length + " bytes");
        }
        ByteBuffer buf = ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN);
        double[] out = new double[width];
        for (int i = 0; i < width; i++) {
            out[i] = buf.getFloat();
        }
        return out;
    }

    private static double[] pcm16(byte[] bytes) throws BadInputException {
        if (bytes.length % 2 != 0) {
            throw new BadInputException(DeadLetterReason.ODD_PCM_LENGTH, "PCM16 needs an even byte count, found " + bytes.length);
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        double[] out = new double[bytes.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = buf.getShort() / 32768.0;
        }
        return out;
    }

    private static double[] requireFinite(double[] values) throws BadInputException {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new BadInputException(DeadLetterReason.NON_FINITE_VALUE, "values[" + i + "] is " + values[i]);
            }
        }
        return values;
    }

    private static long timestamp(JsonNode json, long recordTs) throws BadInputException {
        JsonNode ts = json.get("ts");
        if (ts == null || ts.isNull()) {
            return recordTs;
        }
        if (ts.isIntegralNumber() && ts.canConvertToLong() && ts.asLong() >= 0) {
            return ts.asLong();
        }
        if (ts.isTextual()) {
            try {
                return OffsetDateTime.parse(ts.asText()).toInstant().toEpochMilli();
            } catch (DateTimeParseException | ArithmeticException e) {
                throw new BadInputException(DeadLetterReason.BAD_TIMESTAMP, "\"ts\" is not ISO-8601: " + ts.asText(), e);
            }
        }
        throw new BadInputException(DeadLetterReason.BAD_TIMESTAMP, "\"ts\" must be epoch milliseconds >= 0 or ISO-8601 text, got " + ts);
    }

    private static void requireSampleRate(Headers headers, int expected) throws BadInputException {
        Header h = headers == null ? null : headers.lastHeader(SAMPLE_RATE_HEADER);
        if (h == null || h.value() == null) {
            throw new BadInputException(DeadLetterReason.WRONG_SAMPLE_RATE, "missing header " + SAMPLE_RATE_HEADER
                    + " (the model expects " + expected + " Hz)");
        }
        String text = new String(h.value(), StandardCharsets.UTF_8).trim();
        if (!text.equals(Integer.toString(expected))) {
            throw new BadInputException(DeadLetterReason.WRONG_SAMPLE_RATE, "sample rate " + text + " Hz, the model expects "
                    + expected + " Hz");
        }
    }
}
