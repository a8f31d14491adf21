package io.aestream.stream;

import io.aestream.stream.http.HttpEndpoints;
import io.aestream.stream.model.ModelHolder;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A started stream app: the streams client, its HTTP endpoints and metrics. {@link #close()} stops the client
 * (committing what was processed, within {@link #CLOSE_TIMEOUT}), then the dead-letter producer, the fine-tuning
 * worker and HTTP. Made by
 * {@link StreamApp#start}.
 */
public final class RunningApp implements AutoCloseable {
    public static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(RunningApp.class);

    private final KafkaStreams streams;
    private final ModelHolder models;
    private final PrometheusMeterRegistry registry;
    private final List<AutoCloseable> resources;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private HttpEndpoints http;

    /** {@code resources} are closed in order after the streams client (metrics binder, dead-letter producer, ...). */
    RunningApp(KafkaStreams streams, ModelHolder models, PrometheusMeterRegistry registry, List<AutoCloseable> resources) {
        this.streams = streams;
        this.models = models;
        this.registry = registry;
        this.resources = new ArrayList<>(resources);
        streams.setStateListener((now, before) -> {
            LOG.info("streams state {} -> {}", before, now);
            if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
                stopped.countDown();
            }
        });
    }

    void serve(HttpEndpoints endpoints) {
        this.http = endpoints;
        resources.add(endpoints);
    }

    /** RUNNING with a model loaded: the readiness probe and the aestream.ready gauge. */
    public boolean isReady() {
        return streams.state() == KafkaStreams.State.RUNNING && models.isLoaded();
    }

    /** False once the client failed for good (ERROR), which only a restart cures. */
    public boolean isLive() {
        KafkaStreams.State s = streams.state();
        return s != KafkaStreams.State.ERROR && s != KafkaStreams.State.PENDING_ERROR;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** Input partitions this instance processes now (its active tasks). */
    public Set<TopicPartition> activePartitions() {
        return partitions(ThreadMetadata::activeTasks);
    }

    /** Input partitions whose state this instance keeps warm as a standby replica. */
    public Set<TopicPartition> standbyPartitions() {
        return partitions(ThreadMetadata::standbyTasks);
    }

    private Set<TopicPartition> partitions(Function<ThreadMetadata, Set<TaskMetadata>> tasks) {
        Set<TopicPartition> out = new TreeSet<>(Comparator.comparing(TopicPartition::toString));
        streams.metadataForLocalThreads().forEach(t -> tasks.apply(t).forEach(task -> out.addAll(task.topicPartitions())));
        return out;
    }

    public int httpPort() {
        return http.port();
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Blocks until the client stops (closed, or failed); true if it stopped in time. */
    public boolean awaitStop(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Blocks until the app is ready; false on timeout or if the client stopped first. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isReady()) {
            if (System.nanoTime() > deadline || stopped.getCount() == 0) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    @Override
    public void close() {
        boolean clean = streams.close(CLOSE_TIMEOUT);
        if (!clean) {
            LOG.warn("streams client did not close within {}", CLOSE_TIMEOUT);
        }
        for (AutoCloseable r : resources) {
            try {
                r.close();
            } catch (Exception e) {
                LOG.warn("closing {}: {}", r.getClass().getSimpleName(), e.toString());
            }
        }
        registry.close();
    }
}
