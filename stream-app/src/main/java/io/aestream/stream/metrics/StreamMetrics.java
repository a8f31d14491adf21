package io.aestream.stream.metrics;

import io.aestream.bundle.ModelBundle;
import io.aestream.stream.errors.DeadLetterReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.core.metrics.Histogram;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import java.util.function.Supplier;

/**
 * The stream app's own meters. Names are a contract with the dashboards and alerts (Prometheus names in
 * brackets): {@code aestream.frames.consumed{layout}} [aestream_frames_consumed_total], {@code aestream.frames.scored},
 * {@code aestream.records.produced{output}}, {@code aestream.inference}, {@code aestream.frame.latency},
 * {@code aestream.reconstruction.error}, {@code aestream.anomalies}, {@code aestream.events.opened|closed|open},
 * {@code aestream.dead.letters{reason}}, {@code aestream.model.info{version,kind}}, {@code aestream.model.threshold},
 * {@code aestream.ready}, and with adaptive detection {@code aestream.anomaly.likelihood} and
 * {@code aestream.adaptive.finetunes{outcome=accepted|rejected}}. Tags take bounded values only (never a key). Every tag value is registered up front, so
 * series exist (at 0) before the first event. The two timers record the first of every {@value #TIMER_SAMPLE}
 * calls: a percentile histogram per frame cost more than the rest of the metrics together, and a 1-in-16 sample
 * keeps quantiles and means (sum / count) while counting fewer frames. Thread-safe.
 */
public final class StreamMetrics {
    public static final List<String> LAYOUTS = List.of("vector", "window", "audio");
    public static final List<String> OUTPUTS = List.of("denoised", "scores", "anomalies", "codes", "dead-letter");
    /** Log-spaced reconstruction-error buckets (1-2-5 per decade) so Grafana heatmaps have fixed rows. */
    static final double[] ERROR_BUCKETS = {0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100};
    /** The timers record one call in this many. */
    static final int TIMER_SAMPLE = 16;
    /** Log-scaled likelihoods sit near 0.23 when calm; 0.5, 0.75 and 0.9 mean Gaussian tails of 0.1, 1e-3 and 1e-9. */
    static final double[] LIKELIHOOD_BUCKETS = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 0.999, 0.9999, 1};

    private final Map<String, Counter> consumed;
    private final Map<String, Counter> scored;
    private final Map<String, Counter> produced;
    private final Map<DeadLetterReason, Counter> deadLetters = new EnumMap<>(DeadLetterReason.class);
    private final Timer inference;
    private final Timer latency;
    private final DoubleConsumer reconstructionError;
    private final DoubleConsumer likelihood;
    private final Counter fineTunesAccepted;
    private final Counter fineTunesRejected;
    private final Counter anomalies;
    private final Counter eventsOpened;
    private final Counter eventsClosed;
    /** Closed events by the class the classifier names; empty without a classifier. */
    private final Map<String, Counter> eventsClassified = new ConcurrentHashMap<>();
    private final AtomicLong eventsOpen = new AtomicLong();
    private final AtomicLong inferenceCalls = new AtomicLong();
    private final AtomicLong latencyCalls = new AtomicLong();
    private final MultiGauge modelInfo;
    private final MeterRegistry registry;

    public StreamMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.consumed = byTag(LAYOUTS, l -> Counter.builder("aestream.frames.consumed").tag("layout", l)
                .description("Input records read (a JSON/binary frame or row, or a PCM chunk)").register(registry));
        this.scored = byTag(LAYOUTS, l -> Counter.builder("aestream.frames.scored").tag("layout", l)
                .description("Frames reconstructed and scored").register(registry));
        this.produced = byTag(OUTPUTS, o -> Counter.builder("aestream.records.produced").tag("output", o)
                .description("Records written per output topic").register(registry));
        for (DeadLetterReason r : DeadLetterReason.values()) {
            deadLetters.put(r, Counter.builder("aestream.dead.letters").tag("reason", r.tag())
                    .description("Input records routed to the dead-letter topic").register(registry));
        }
        this.inference = Timer.builder("aestream.inference").publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(500)).maximumExpectedValue(Duration.ofMillis(100))
                .description("Model time per input record: a forward pass, or STFT plus forward passes for a PCM chunk"
                        + " (1 record in " + TIMER_SAMPLE + ")")
                .register(registry);
        this.latency = Timer.builder("aestream.frame.latency").publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMinutes(1))
                .description("Input record timestamp to output, per scored frame (1 frame in " + TIMER_SAMPLE + ")")
                .register(registry);
        this.reconstructionError = histogram(registry, "aestream.reconstruction.error",
                "Anomaly score (mean per-feature reconstruction NLL) per frame", ERROR_BUCKETS);
        this.likelihood = histogram(registry, "aestream.anomaly.likelihood",
                "Anomaly likelihood per frame (adaptive detection only)", LIKELIHOOD_BUCKETS);
        this.fineTunesAccepted = fineTunes(registry, "accepted");
        this.fineTunesRejected = fineTunes(registry, "rejected");
        this.anomalies = Counter.builder("aestream.anomalies").description("Frames scoring above the threshold").register(registry);
        this.eventsOpened = Counter.builder("aestream.events.opened").description("Anomaly events opened").register(registry);
        this.eventsClosed = Counter.builder("aestream.events.closed").description("Anomaly events closed").register(registry);
        Gauge.builder("aestream.events.open", eventsOpen, AtomicLong::get)
                .description("Anomaly events currently open in this instance's tasks").register(registry);
        this.modelInfo = MultiGauge.builder("aestream.model.info").description("The loaded model: 1 per (version, kind)")
                .register(registry);
    }

    /**
     * A histogram of values below 1 with fixed {@code buckets}. Micrometer rounds a summary's values up to whole
     * numbers before bucketing them, which would put every value below 1 in the le=1 bucket; so on a Prometheus
     * registry this is a Prometheus-client histogram under the same name (…_bucket, _count, _sum).
     */
    private static DoubleConsumer histogram(MeterRegistry registry, String name, String help, double[] buckets) {
        if (registry instanceof PrometheusMeterRegistry prometheus) {
            Histogram histogram = Histogram.builder().name(name.replace('.', '_')).help(help).classicOnly().withoutExemplars()
                    .classicUpperBounds(buckets).register(prometheus.getPrometheusRegistry());
            return histogram::observe;
        }
        return DistributionSummary.builder(name).serviceLevelObjectives(buckets).description(help).register(registry)::record;
    }

    private static Counter fineTunes(MeterRegistry registry, String outcome) {
        return Counter.builder("aestream.adaptive.finetunes").tag("outcome", outcome)
                .description("In-stream fine-tunes decided: accepted (went live) or rejected by validation").register(registry);
    }

    private static <T> Map<String, T> byTag(List<String> values, java.util.function.Function<String, T> make) {
        return values.stream().collect(java.util.stream.Collectors.toUnmodifiableMap(v -> v, make));
    }

    /** Binds the model gauges to whatever bundle {@code model} supplies (null while none is loaded). */
    public void bindModel(Supplier<ModelBundle> model) {
        Gauge.builder("aestream.model.threshold", () -> {
            ModelBundle b = model.get();
            return b == null ? Double.NaN : b.manifest().threshold().value();
        }).description("Anomaly threshold of the loaded model").register(registry);
    }

    /** Marks {@code bundle} as the model in use (replacing the previous info row). */
    public void modelLoaded(ModelBundle bundle) {
        modelInfo.register(List.of(MultiGauge.Row.of(
                Tags.of("version", bundle.version(), "kind", bundle.manifest().model().kind()), 1)), true);
    }

    public void bindReady(BooleanSupplier ready) {
        Gauge.builder("aestream.ready", () -> ready.getAsBoolean() ? 1 : 0)
                .description("1 when the streams client is RUNNING and a model is loaded").register(registry);
    }

    public void consumed(String layout) {
        consumed.get(layout).increment();
    }

    public void inference(long nanos) {
        if (sampled(inferenceCalls)) {
            inference.record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    private static boolean sampled(AtomicLong calls) {
        return calls.getAndIncrement() % TIMER_SAMPLE == 0;
    }

    /** One scored frame: its score, whether it was flagged, and its input record's timestamp. */
    public void scored(String layout, double score, boolean flagged, long recordTimestamp) {
        scored.get(layout).increment();
        reconstructionError.accept(score);
        if (flagged) {
            anomalies.increment();
        }
        if (sampled(latencyCalls)) {
            latency.record(Math.max(0, System.currentTimeMillis() - recordTimestamp), TimeUnit.MILLISECONDS);
        }
    }

    /** One adaptive frame's anomaly likelihood. */
    public void likelihood(double value) {
        likelihood.accept(value);
    }

    /** One fine-tune decided at its switch frame. */
    public void fineTune(boolean accepted) {
        (accepted ? fineTunesAccepted : fineTunesRejected).increment();
    }

    public void produced(String output) {
        produced.get(output).increment();
    }

    public void deadLetter(DeadLetterReason reason) {
        deadLetters.get(reason).increment();
    }

    public void eventOpened() {
        eventsOpened.increment();
        eventsOpen.incrementAndGet();
    }

    public void eventClosed() {
        eventsClosed.increment();
        eventsOpen.decrementAndGet();
    }

    /**
     * Counters of classified events, one per class of the classifier (the bundle's class list bounds the tag's
     * values), at zero until an event of the class closes.
     */
    public void bindClasses(List<String> classes) {
        for (String c : classes) {
            eventsClassified.computeIfAbsent(c, k -> Counter.builder("aestream.events.classified").tag("class", k)
                    .description("Anomaly events closed, by the anomaly type the classifier names (mean over the event's"
                            + " flagged frames)").register(registry));
        }
    }

    /** An event closed that the classifier names {@code label} (one of the classes bound by {@link #bindClasses}). */
    public void eventClassified(String label) {
        eventsClassified.get(label).increment();
    }

    /** Open events that came into (positive) or left (negative) this instance with a task's state store. */
    public void openEventsMoved(long delta) {
        eventsOpen.addAndGet(delta);
    }
}
