package io.aestream.stream.topology;

import io.aestream.adaptive.FineTuneWorker;
import io.aestream.bundle.ModelBundle;
import io.aestream.frame.AudioFrameSpec;
import io.aestream.frame.FrameSpec;
import io.aestream.frame.WindowFrameSpec;
import io.aestream.stream.config.Output;
import io.aestream.stream.config.Settings;
import io.aestream.stream.config.StreamConfig;
import io.aestream.stream.config.Topics;
import io.aestream.stream.metrics.StreamMetrics;
import io.aestream.stream.model.ModelHolder;
import io.aestream.stream.serde.StateSerdes;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds the stream app's topology; no I/O. Input topic → {@value #PROCESSOR} → the selected outputs' topics
 * (AESTREAM_OUTPUTS: scores, denoised, anomalies, codes) and the dead-letter topic; only selected outputs have a sink,
 * and the event store exists only with the anomalies output. Every node and store has a fixed name: changelog
 * topics are named {@code <application.id>-<store>-changelog}, so renaming one loses state.
 * <pre>
 *   frames-source ─▶ frame-processor ─┬▶ scores-sink       [stores: event-state,
 *                                     ├▶ denoised-sink             window-state (window layout),
 *                                     ├▶ anomalies-sink            audio-state (audio layout),
 *                                     ├▶ codes-sink (off by default)
 *                                     └▶ dead-letter-sink          adaptive-state (AESTREAM_ADAPTIVE not off)]
 * </pre>
 */
public final class TopologyFactory {
    public static final String SOURCE = "frames-source";
    public static final String PROCESSOR = "frame-processor";
    public static final String DEAD_LETTER_SINK = "dead-letter-sink";
    public static final String EVENT_STORE = "event-state";
    public static final String WINDOW_STORE = "window-state";
    public static final String AUDIO_STORE = "audio-state";
    public static final String ADAPTIVE_STORE = "adaptive-state";

    private TopologyFactory() {
    }

    /**
     * The topology for the layout of {@code models}' current bundle; adaptive fine-tuning jobs run on
     * {@code fineTuning}. Fails naming AESTREAM_ADAPTIVE if the adaptive config does not fit the bundle,
     * AESTREAM_OUTPUTS if the codes output is selected with adaptive detection, and AESTREAM_EVENT_OPEN_AFTER if no event
     * could open under the adaptive alert suppression. A classifier adds no node or store: its
     * step runs in the processor and its per-key sums live in the event store.
     */
    public static Topology build(StreamConfig config, ModelHolder models, StreamMetrics metrics, FineTuneWorker fineTuning) {
        ModelBundle bundle = models.require();
        FrameSpec spec = bundle.manifest().frameSpec();
        boolean adaptive = config.adaptive().resolve(bundle).isPresent();
        Topics topics = config.topics();
        if (adaptive && topics.has(Output.CODES)) {
            throw new IllegalArgumentException(Settings.OUTPUTS + ": the codes output needs fixed scoring (" + Settings.ADAPTIVE
                    + "=off): fine-tuning moves the encoder, so codes of one key would stop being comparable with another's"
                    + " or with the offline encode");
        }
        Topology topology = new Topology();
        topology.addSource(SOURCE, new ByteArrayDeserializer(), new ByteArrayDeserializer(), topics.input());
        topology.addProcessor(PROCESSOR, () -> new FrameProcessor(config, models, metrics, fineTuning), SOURCE);
        if (topics.has(Output.ANOMALIES)) {
            EventHysteresis.of(config, bundle); // fails now rather than in every task's init
            topology.addStateStore(store(EVENT_STORE, StateSerdes.event()), PROCESSOR);
        }
        if (spec instanceof WindowFrameSpec) {
            topology.addStateStore(store(WINDOW_STORE, StateSerdes.window()), PROCESSOR);
        } else if (spec instanceof AudioFrameSpec) {
            topology.addStateStore(store(AUDIO_STORE, StateSerdes.audio()), PROCESSOR);
        }
        if (adaptive) {
            // AdaptiveState bytes as they are: the processor decodes them itself, reusing decoded networks.
            topology.addStateStore(store(ADAPTIVE_STORE, Serdes.ByteArray()), PROCESSOR);
        }
        topics.outputs().forEach((output, topic) -> addSink(topology, sinkName(output), topic));
        addSink(topology, DEAD_LETTER_SINK, topics.deadLetter());
        return topology;
    }

    /** The sink of a selected output, named after it. */
    static String sinkName(Output output) {
        return output.id() + "-sink";
    }

    private static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> serde) {
        // The cache absorbs the per-record rewrites of a key's state; it is flushed to the changelog on every commit.
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), serde).withCachingEnabled();
    }

    private static void addSink(Topology topology, String name, String topic) {
        topology.addSink(name, topic, new ByteArraySerializer(), new ByteArraySerializer(), PROCESSOR);
    }
}
