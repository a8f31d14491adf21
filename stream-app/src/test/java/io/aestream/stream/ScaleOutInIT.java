package io.aestream.stream;

import io.aestream.stream.config.Settings;
import io.aestream.stream.config.StreamConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scale-out and scale-in of one application (window layout, adaptive on, exactly_once_v2, one standby replica) over
 * a 4-partition input: a second instance joins mid-stream and takes over partitions with their window and adaptive
 * state, while the first keeps standbys of them; then the first leaves and the second takes everything. The scores
 * of the two instances together equal those of an app that ran alone throughout: nothing lost or doubled.
 */
class ScaleOutInIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    @TempDir
    static Path tmp;
    private static EmbeddedKafka kafka;
    private static FaultRuns runs;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = EmbeddedKafka.start();
        runs = new FaultRuns(kafka, tmp, "scale-frames", Map.of(Settings.PROCESSING_GUARANTEE, "exactly_once_v2",
                Settings.ADAPTIVE, "on", Settings.KAFKA_ENV_PREFIX + "NUM_STANDBY_REPLICAS", "1"));
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void shouldMovePartitionsAndStateBetweenInstancesWithoutLossOrDuplicatesWhenScalingOutAndIn() throws Exception {
        StreamConfig first = FaultRuns.config(runs.settings("scaled", "first", Map.of()));
        StreamConfig second = FaultRuns.config(runs.settings("scaled", "second", Map.of()));
        StreamConfig reference = FaultRuns.config(runs.settings("alone", "alone", Map.of()));
        try (RunningApp alone = StreamApp.start(reference)) {
            RunningApp a = StreamApp.start(first);
            assertThat(a.awaitReady(WAIT) && alone.awaitReady(WAIT)).isTrue();
            // Given one instance with all four partitions
            runs.produce(0, 150);
            assertThat(runs.scores(first, FaultRuns.frames(150))).hasSize(FaultRuns.frames(150));
            assertThat(a.activePartitions()).hasSize(4);

            try (RunningApp b = StreamApp.start(second)) {
                // When a second instance joins: the partitions are shared, each side a standby of the other's
                assertThat(eventually(() -> !b.activePartitions().isEmpty() && !a.activePartitions().isEmpty()
                        && !a.standbyPartitions().isEmpty())).as("partitions shared, standbys kept").isTrue();
                assertThat(a.activePartitions()).doesNotContainAnyElementsOf(b.activePartitions());
                runs.produce(150, 150);
                assertThat(runs.scores(first, FaultRuns.frames(300))).hasSize(FaultRuns.frames(300));

                // And the first instance leaves
                a.close();
                assertThat(eventually(() -> b.activePartitions().size() == 4)).as("all partitions moved to the second").isTrue();
                runs.produce(300, 100);

                // Then both instances' scores together equal the lone app's
                runs.assertSameScores(first, reference, FaultRuns.frames(400));
            }
        }
    }

    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }
}
