package io.aestream.stream;

import io.aestream.frame.VectorFrameSpec;
import io.aestream.stream.config.Settings;
import io.aestream.stream.config.StreamConfig;
import io.aestream.stream.message.ScoreMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app runs as its own process (window layout, adaptive detection on, exactly_once_v2, static membership) and is
 * killed with SIGKILL while it works through the input: no close, an open transaction, local state not checkpointed.
 * More input arrives, and it is started again with the same identity and state directory. It must score again within
 * 10 s of its start, and its scores must equal, frame for frame, those of an uninterrupted app on the same input:
 * windows spanning the kill are assembled from the restored window state, the adaptive statistics continue from the
 * restored adaptive state, and nothing is lost or doubled.
 */
class RestartRecoveryIT {
    private static final int ROWS_BEFORE = 400;
    private static final int ROWS_AFTER = 100;
    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(10);
    @TempDir
    static Path tmp;
    private static EmbeddedKafka kafka;
    private static FaultRuns runs;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = EmbeddedKafka.start();
        runs = new FaultRuns(kafka, tmp, "restart-frames", Map.of(Settings.PROCESSING_GUARANTEE, "exactly_once_v2",
                Settings.ADAPTIVE, "on"));
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void shouldResumeWithinTenSecondsAndMatchAnUninterruptedRunWhenKilledMidStream() throws Exception {
        Map<String, String> killed = runs.settings("killed", "killed",
                Map.of(Settings.KAFKA_ENV_PREFIX + "GROUP_INSTANCE_ID", "aestream-0"));
        StreamConfig killedConfig = FaultRuns.config(killed);
        StreamConfig reference = FaultRuns.config(runs.settings("reference", "reference", Map.of()));
        int total = FaultRuns.frames(ROWS_BEFORE + ROWS_AFTER);
        try (RunningApp uninterrupted = StreamApp.start(reference)) {
            assertThat(uninterrupted.awaitReady(FaultRuns.WAIT)).isTrue();
            // Given the app in its own process, killed with SIGKILL once it has scored part of the first rows
            Process first = AppProcess.start(tmp, "first", killed, "-Xmx512m");
            runs.produce(0, ROWS_BEFORE);
            int before = kafka.read(killedConfig.topics().scores(), FaultRuns.KEYS * 10, FaultRuns.WAIT).size();
            first.destroyForcibly().waitFor();
            assertThat(before).as("scored some frames before the kill").isLessThan(total);

            // When more rows arrive and the app starts again with the same identity and state directory
            runs.produce(ROWS_BEFORE, ROWS_AFTER);
            int committed = kafka.read(killedConfig.topics().scores(), total, Duration.ofSeconds(2)).size();
            long start = System.nanoTime();
            System.out.println("restarted at " + LocalTime.now());
            Process second = AppProcess.start(tmp, "second", killed, "-Xmx512m");
            try {
                int next = kafka.read(killedConfig.topics().scores(), committed + 1, FaultRuns.WAIT).size();
                Duration recovery = Duration.ofNanos(System.nanoTime() - start);
                System.out.println("first new score read at " + LocalTime.now() + "; the app's timeline:");
                try (var lines = Files.lines(tmp.resolve("second.log"))) {
                    lines.filter(l -> l.contains("streams state") || l.contains("model ")).forEach(System.out::println);
                }
                System.out.printf("SIGKILL after %d committed scores; restart to first new score: %d ms%n", committed, recovery.toMillis());

                // Then it scores again within the bound (JVM start and state restore included)
                assertThat(next).isGreaterThan(committed);
                assertThat(recovery).isLessThanOrEqualTo(RECOVERY_BOUND);
                // And its scores equal the uninterrupted app's
                runs.assertSameScores(killedConfig, reference, total);
                // And it wrote nothing outside its state and temp directories (the chart runs it on a read-only root)
                assertThat(AppProcess.wroteOnlyWhereAllowed(tmp)).as("nothing written to the working directory or $HOME").isTrue();
            } finally {
                second.destroyForcibly().waitFor();
            }
        }
    }

    @Test
    void shouldScoreEveryFrameAtLeastOnceAndReplayLittleWhenKilledUnderAtLeastOnce() throws Exception {
        // Given a vector-layout app under at_least_once (default 1 s commit interval), killed mid-stream
        FaultRuns alos = new FaultRuns(kafka, tmp, "restart-alos-frames", new VectorFrameSpec(List.of("x", "y")),
                Map.of(Settings.PROCESSING_GUARANTEE, "at_least_once"));
        Map<String, String> settings = alos.settings("alos", "alos", Map.of(Settings.KAFKA_ENV_PREFIX + "GROUP_INSTANCE_ID", "alos-0"));
        StreamConfig config = FaultRuns.config(settings);
        Process first = AppProcess.start(tmp, "alos-first", settings, "-Xmx512m");
        alos.produce(0, ROWS_BEFORE);
        kafka.read(config.topics().scores(), FaultRuns.KEYS * 100, FaultRuns.WAIT);
        first.destroyForcibly().waitFor();

        // When more rows arrive and it restarts
        alos.produce(ROWS_BEFORE, ROWS_AFTER);
        Process second = AppProcess.start(tmp, "alos-second", settings, "-Xmx512m");
        try {
            int frames = FaultRuns.KEYS * (ROWS_BEFORE + ROWS_AFTER);
            List<ScoreMessage> scores = ScoreReads.distinctScores(kafka, config, frames, FaultRuns.WAIT);
            Map<String, Set<Long>> distinct = byKey(scores);
            System.out.printf("at_least_once SIGKILL: %d frames, %d scores, %d duplicates%n", frames, scores.size(), scores.size() - frames);

            // Then every frame of every source has a score (none lost); the replay is reported
            assertThat(distinct).hasSize(FaultRuns.KEYS);
            distinct.values().forEach(ts -> assertThat(new TreeSet<>(ts)).containsExactlyElementsOf(alos.frameTimestamps(ROWS_BEFORE + ROWS_AFTER)));
            assertThat(scores.size()).isGreaterThanOrEqualTo(frames);
        } finally {
            second.destroyForcibly().waitFor();
        }
    }

    private static Map<String, Set<Long>> byKey(List<ScoreMessage> scores) {
        return scores.stream().collect(Collectors.groupingBy(ScoreMessage::key, Collectors.mapping(ScoreMessage::ts, Collectors.toSet())));
    }
}
