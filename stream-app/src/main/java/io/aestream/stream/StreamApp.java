package io.aestream.stream;

import io.aestream.adaptive.FineTuneWorker;
import io.aestream.bundle.ModelBundle;
import io.aestream.stream.config.KafkaSettings;
import io.aestream.stream.config.Settings;
import io.aestream.stream.config.StreamConfig;
import io.aestream.stream.errors.DeadLetterPublisher;
import io.aestream.stream.errors.ExceptionHandlers;
import io.aestream.stream.http.HttpEndpoints;
import io.aestream.stream.metrics.StreamMetrics;
import io.aestream.stream.model.BundleLoader;
import io.aestream.stream.model.ModelHolder;
import io.aestream.stream.topology.TopologyFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;

/**
 * Starts the stream app: loads the model bundle, builds the topology ({@link TopologyFactory}), starts the streams
 * client, metrics and HTTP. {@link #main} is the jar's entry point ({@link StreamCommand}); {@link #start} is the
 * programmatic API used by the demo and the integration tests.
 */
public final class StreamApp {
    private static final Logger LOG = LoggerFactory.getLogger(StreamApp.class);
    /** Fine-tuning runs on one low-priority thread per app, whatever the stream threads: its bounded CPU share. */
    private static final int FINE_TUNE_THREADS = 1;

    private StreamApp() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new StreamCommand()).execute(args));
    }

    /** Starts everything for {@code config}; the caller closes the result. */
    public static RunningApp start(StreamConfig config) {
        ModelHolder models = BundleLoader.load(config);
        ModelBundle bundle = models.require();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        bindJvm(registry);
        StreamMetrics metrics = new StreamMetrics(registry);
        metrics.bindModel(models::current);
        metrics.modelLoaded(bundle);
        FineTuneWorker fineTuning = FineTuneWorker.background(FINE_TUNE_THREADS);
        Topology topology;
        try {
            topology = TopologyFactory.build(config, models, metrics, fineTuning);
        } catch (RuntimeException e) {
            fineTuning.close();
            throw e;
        }
        LOG.info("model {} ({}, {} layout){}; topology:\n{}", bundle.version(), bundle.manifest().model().kind(),
                bundle.manifest().frameSpec().layout(), models.classifier() == null ? ""
                        : ", classifier " + models.classifier().version() + " " + models.classifier().manifest().classifier().classes(),
                topology.describe());

        DeadLetterPublisher publisher = new DeadLetterPublisher(new KafkaProducer<>(KafkaSettings.producer(config)),
                config.topics().deadLetter());
        Properties props = new Properties();
        props.putAll(KafkaSettings.streams(config));
        props.putAll(ExceptionHandlers.streamsConfig(publisher, metrics));
        KafkaStreams streams = new KafkaStreams(topology, props);
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("stream thread failed; shutting the client down", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(registry);
        RunningApp app = new RunningApp(streams, models, registry, List.of(streamsMetrics, publisher, fineTuning));
        metrics.bindReady(app::isReady);
        streams.start();
        try {
            app.serve(HttpEndpoints.start(config.httpHost(), config.httpPort(), registry, app::isLive, app::isReady,
                    () -> streams.state().name()));
        } catch (IOException e) {
            app.close();
            throw new UncheckedIOException(Settings.HTTP_PORT + ": cannot serve HTTP on " + config.httpHost() + ":"
                    + config.httpPort() + ": " + e.getMessage(), e);
        }
        return app;
    }

    @SuppressWarnings("resource") // the GC binder lives as long as the registry
    private static void bindJvm(MeterRegistry registry) {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }
}
