package io.aestream.stream.topology;

import io.aestream.adaptive.AdaptiveDetector;
import io.aestream.adaptive.FineTuneWorker;
import io.aestream.bundle.ModelBundle;
import io.aestream.stream.config.Output;
import io.aestream.stream.config.StreamConfig;
import io.aestream.stream.input.BadInputException;
import io.aestream.stream.input.FrameInput;
import io.aestream.stream.input.InputDecoder;
import io.aestream.stream.metrics.StreamMetrics;
import io.aestream.stream.model.ModelHolder;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import java.util.List;

/**
 * Input record (key = source id, value = JSON or binary) → decoded → frames of the key, scored → flagged frames
 * classified (with AESTREAM_CLASSIFIER_PATH) → anomaly events → output records, each step a function of the previous
 * one's result. Input that cannot become a frame goes to the dead-letter topic with its reason; per-key state lives
 * in state stores, so a commit never skips work. One instance per stream task, with its own scorer (fixed, or adaptive
 * with the key's state in the adaptive store when AESTREAM_ADAPTIVE is not off) and classifier.
 */
final class FrameProcessor implements Processor<byte[], byte[], byte[], byte[]> {
    private final StreamConfig config;
    private final ModelHolder models;
    private final StreamMetrics metrics;
    private final FineTuneWorker fineTuning;
    private InputDecoder decoder;
    private Framer framer;
    /** Null without a classifier: flagged frames then carry no class. */
    private FrameClassifier classifier;
    /** Null when the anomalies output is not selected: nothing then needs the hysteresis. */
    private EventTracker events;
    private OutputsWriter outputs;
    private String layout;

    FrameProcessor(StreamConfig config, ModelHolder models, StreamMetrics metrics, FineTuneWorker fineTuning) {
        this.config = config;
        this.models = models;
        this.metrics = metrics;
        this.fineTuning = fineTuning;
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> ctx) {
        ModelBundle bundle = models.require();
        layout = bundle.manifest().frameSpec().layout();
        decoder = new InputDecoder(config.inputFormat(), bundle.manifest().frameSpec(), config.inputLimits());
        boolean codes = config.topics().has(Output.CODES);
        FrameScoring scoring = config.adaptive().resolve(bundle)
                .<FrameScoring>map(adaptive -> new AdaptiveScoring(AdaptiveDetector.forBundle(bundle, adaptive, fineTuning),
                        ctx.getStateStore(TopologyFactory.ADAPTIVE_STORE), metrics))
                .orElseGet(() -> new FixedScoring(bundle, metrics, codes));
        framer = Framer.create(bundle, ctx, metrics, scoring, codes);
        ModelBundle classifierBundle = models.classifier();
        if (classifierBundle != null) {
            classifier = new FrameClassifier(classifierBundle.newClassifier());
        }
        if (config.topics().has(Output.ANOMALIES)) {
            events = new EventTracker(EventHysteresis.of(config, bundle),
                    ctx.getStateStore(TopologyFactory.EVENT_STORE), metrics,
                    classifierBundle == null ? null : classifierBundle.manifest().classifier().classes());
            metrics.openEventsMoved(events.countOpenEvents());
        }
        outputs = new OutputsWriter(ctx, config.topics().outputs().keySet(), config.outputFormat(), bundle, config.topFeatures(),
                metrics);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        metrics.consumed(layout);
        String key;
        FrameInput input;
        try {
            key = InputDecoder.key(record.key());
            input = decoder.decode(record.value(), record.headers(), record.timestamp());
        } catch (BadInputException e) {
            outputs.deadLetter(record, e.reason(), e);
            return;
        }
        Frames frames = framer.frame(key, input);
        if (classifier != null) {
            frames = classifier.classify(frames);
        }
        for (ScoredFrame f : frames.scored()) {
            metrics.scored(layout, f.score().score(), f.anomaly(), record.timestamp());
        }
        List<FrameEvent> opened = events == null ? List.of() : events.step(key, frames.scored());
        outputs.write(record, new RecordResult(key, frames, opened));
    }

    @Override
    public void close() {
        if (events != null) {
            metrics.openEventsMoved(-events.openHere());
        }
    }
}
