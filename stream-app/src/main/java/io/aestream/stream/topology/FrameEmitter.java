package io.aestream.stream.topology;

import io.aestream.bundle.ModelBundle;
import io.aestream.scoring.AnomalyEvent;
import io.aestream.scoring.EventDetector;
import io.aestream.scoring.EventState;
import io.aestream.scoring.FrameScore;
import io.aestream.stream.errors.DeadLetterHeaders;
import io.aestream.stream.errors.DeadLetterReason;
import io.aestream.stream.input.InputDecoder;
import io.aestream.stream.message.DenoisedMessage;
import io.aestream.stream.message.EventMessage;
import io.aestream.stream.message.ScoreMessage;
import io.aestream.stream.metrics.StreamMetrics;
import io.aestream.stream.serde.JsonSerde;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one input record's results to the output sinks: scores (and, through the key's hysteresis state in the
 * event store, anomaly events), denoised frames or PCM chunks, and dead letters. Outputs keep the input record's
 * key bytes and timestamp, so per-key order and end-to-end latency carry through.
 */
final class FrameEmitter {
    private final ProcessorContext<byte[], byte[]> ctx;
    private final ModelBundle bundle;
    private final EventDetector detector;
    private final KeyValueStore<String, EventState> events;
    private final StreamMetrics metrics;
    private final int topFeatures;
    private final String layout;
    private Record<byte[], byte[]> current;
    private String key;
    private long openHere;

    FrameEmitter(ProcessorContext<byte[], byte[]> ctx, ModelBundle bundle, EventDetector detector,
                 KeyValueStore<String, EventState> events, StreamMetrics metrics, int topFeatures) {
        this.ctx = ctx;
        this.bundle = bundle;
        this.detector = detector;
        this.events = events;
        this.metrics = metrics;
        this.topFeatures = topFeatures;
        this.layout = bundle.manifest().frameSpec().layout();
    }

    /** Sets the input record the following calls answer. */
    void begin(Record<byte[], byte[]> record, String recordKey) {
        this.current = record;
        this.key = recordKey;
    }

    void scored(ScoredFrame frame) {
        FrameScore score = frame.score();
        List<String> names = bundle.manifest().featureNames();
        List<ScoreMessage.FeatureError> top = new ArrayList<>(topFeatures);
        for (int i : score.topFeatures(topFeatures)) {
            top.add(new ScoreMessage.FeatureError(names.get(i), score.featureErrors()[i]));
        }
        forward(TopologyFactory.SCORES_SINK, "scores", JsonSerde.write(new ScoreMessage(frame.ts(), key, score.score(),
                frame.likelihood(), frame.threshold(), frame.anomaly(), frame.modelVersion(), top)));
        metrics.scored(layout, score.score(), frame.anomaly(), current.timestamp());
        step(frame.ts(), score.score(), frame.anomaly(), frame.modelVersion());
    }

    private void step(long ts, double score, boolean flagged, String modelVersion) {
        EventState before = events.get(key);
        EventDetector.Step step = detector.step(before == null ? EventState.INITIAL : before, ts, score, flagged);
        if (step.state().equals(EventState.INITIAL)) {
            if (before != null) {
                events.delete(key);
            }
        } else {
            events.put(key, step.state());
        }
        AnomalyEvent event = step.event();
        if (event == null) {
            return;
        }
        if (event.phase() == AnomalyEvent.Phase.OPENED) {
            metrics.eventOpened();
            openHere++;
        } else {
            metrics.eventClosed();
            openHere--;
        }
        forward(TopologyFactory.ANOMALIES_SINK, "anomalies", JsonSerde.write(EventMessage.of(event, key, modelVersion)));
    }

    /** {@code values}: the part of {@code frame}'s reconstruction that goes out (the whole frame, or its last row). */
    void denoised(ScoredFrame frame, double[] values) {
        forward(TopologyFactory.DENOISED_SINK, "denoised",
                JsonSerde.write(new DenoisedMessage(frame.ts(), key, frame.modelVersion(), values)));
    }

    /** Samples in [-1, 1] out as little-endian PCM16 (rounded, clipped), with the sample-rate header; none, no record. */
    void denoisedAudio(double[] samples, int sampleRate) {
        if (samples.length == 0) {
            return;
        }
        ByteBuffer buf = ByteBuffer.allocate(2 * samples.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double s : samples) {
            buf.putShort(toPcm16(s));
        }
        RecordHeaders headers = new RecordHeaders();
        headers.add(InputDecoder.SAMPLE_RATE_HEADER, Integer.toString(sampleRate).getBytes(StandardCharsets.US_ASCII));
        ctx.forward(new Record<>(current.key(), buf.array(), current.timestamp(), headers), TopologyFactory.DENOISED_SINK);
        metrics.produced("denoised");
    }

    static short toPcm16(double sample) {
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(sample * 32768.0)));
    }

    /** The original key, value and headers to the dead-letter topic, with why and where from. */
    void deadLetter(Record<byte[], byte[]> record, DeadLetterReason reason, Exception cause) {
        RecordMetadata meta = ctx.recordMetadata().orElse(null);
        ctx.forward(new Record<>(record.key(), record.value(), record.timestamp(), DeadLetterHeaders.of(record.headers(), reason,
                meta == null ? "" : meta.topic(), meta == null ? -1 : meta.partition(), meta == null ? -1 : meta.offset(), cause)),
                TopologyFactory.DEAD_LETTER_SINK);
        metrics.deadLetter(reason);
        metrics.produced("dead-letter");
    }

    private void forward(String sink, String output, byte[] value) {
        ctx.forward(new Record<>(current.key(), value, current.timestamp(), new RecordHeaders()), sink);
        metrics.produced(output);
    }

    /** Open events this emitter's task holds, counted from its store at start and kept current since. */
    long countOpenEvents() {
        try (var it = events.all()) {
            it.forEachRemaining(kv -> {
                if (kv.value.open()) {
                    openHere++;
                }
            });
        }
        return openHere;
    }

    long openHere() {
        return openHere;
    }
}
