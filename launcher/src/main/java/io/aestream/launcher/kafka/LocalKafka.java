package io.aestream.launcher.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Utils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * A single-node Kafka broker (KRaft, broker and controller in one node) inside this JVM, for the demo and the
 * integration tests. Its log directories live under a temporary directory that {@link #close()} deletes.
 * Listens on an ephemeral localhost port; {@link #bootstrapServers()} says which.
 */
public final class LocalKafka implements AutoCloseable {
    /** A single node cannot host the internal topics' default three replicas. */
    private static final Map<String, String> SINGLE_NODE_CONFIG = Map.of(
            "offsets.topic.replication.factor", "1",
            "offsets.topic.num.partitions", "1",
            "transaction.state.log.replication.factor", "1",
            "transaction.state.log.min.isr", "1",
            "share.coordinator.state.topic.replication.factor", "1",
            "share.coordinator.state.topic.min.isr", "1",
            "group.initial.rebalance.delay.ms", "0",
            "auto.create.topics.enable", "false");

    private final Path baseDir;
    private final KafkaClusterTestKit cluster;

    private LocalKafka(Path baseDir, KafkaClusterTestKit cluster) {
        this.baseDir = baseDir;
        this.cluster = cluster;
    }

    /** Formats the log directories, starts the node and waits until the broker accepts clients. */
    public static LocalKafka start() throws IOException {
        Path baseDir = Files.createTempDirectory("aestream-kafka-");
        KafkaClusterTestKit cluster = null;
        try {
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBaseDirectory(baseDir)
                    .build();
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes).setDeleteOnClose(true);
            SINGLE_NODE_CONFIG.forEach(builder::setConfigProp);
            cluster = builder.build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new LocalKafka(baseDir, cluster);
        } catch (Exception e) {
            closeQuietly(cluster);
            Utils.delete(baseDir.toFile());
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("local Kafka broker failed to start: " + e.getMessage(), e);
        }
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** Where the node keeps its metadata and log directories until {@link #close()}. */
    public Path dataDirectory() {
        return baseDir;
    }

    /** Creates single-replica topics with {@code partitions} partitions each; existing topics are an error. */
    public void createTopics(int partitions, Collection<String> names) {
        List<NewTopic> topics = names.stream().map(n -> new NewTopic(n, partitions, (short) 1)).toList();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.createTopics(topics).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics " + names, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create topics " + names + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    public void createTopics(String... names) {
        createTopics(1, List.of(names));
    }

    @Override
    public void close() throws IOException {
        closeQuietly(cluster);
        Utils.delete(baseDir.toFile());
    }

    private static void closeQuietly(KafkaClusterTestKit cluster) {
        if (cluster == null) {
            return;
        }
        try {
            cluster.close();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            // Shutting down a broker that is going away anyway: the temp directory is deleted next.
        }
    }
}
