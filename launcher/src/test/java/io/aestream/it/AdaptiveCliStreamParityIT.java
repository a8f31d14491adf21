package io.aestream.it;

import io.aestream.adaptive.AdaptiveConfig;
import io.aestream.adaptive.FineTuneConfig;
import io.aestream.adaptive.FineTuneSchedule;
import io.aestream.adaptive.FlagRule;
import io.aestream.adaptive.LikelihoodConfig;
import io.aestream.adaptive.NormalizationConfig;
import io.aestream.adaptive.SpotThresholdConfig;
import io.aestream.bundle.Json;
import io.aestream.it.adaptive.DriftingSources;
import io.aestream.it.adaptive.ScoreRow;
import io.aestream.launcher.Main;
import io.aestream.launcher.kafka.LocalKafka;
import io.aestream.launcher.kafka.TopicRecords;
import io.aestream.stream.RunningApp;
import io.aestream.stream.StreamApp;
import io.aestream.stream.config.ConfigLoader;
import io.aestream.stream.config.Settings;
import io.aestream.stream.config.StreamConfig;
import io.aestream.stream.message.ScoreMessage;
import io.aestream.stream.serde.JsonSerde;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backtest equals stream, end to end: a window-layout bundle trained by {@code train}, a drifting two-source CSV scored
 * by {@code score --adaptive CONFIG --key-column key} (fine-tuning every 40 frames, a DSPOT threshold, alert suppression), and the same rows sent as JSON
 * records (key = source, same ts) through the real stream app with AESTREAM_ADAPTIVE=CONFIG on a local broker. Every
 * frame's score, likelihood, threshold, flag and model version must be identical, source by source.
 */
class AdaptiveCliStreamParityIT {
    private static final int SOURCES = 2;
    private static final int ROWS = 200;
    private static final int WINDOW = 4;
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final AdaptiveConfig CONFIG = AdaptiveConfig.defaults()
            .withNormalization(new NormalizationConfig(1.0, 50, 20))
            .withLikelihood(new LikelihoodConfig(3, 100, 30, 1e-2))
            .withThreshold(new SpotThresholdConfig(2e-2, 0.9, 30, 40, 5))
            .withFineTuning(new FineTuneSchedule(40, 5, 64, 32, 0.25, 0.1, new FineTuneConfig(3, 5e-3, 16, 7)))
            .withFlagRule(FlagRule.LIKELIHOOD)
            .withSuppressFrames(3);

    @TempDir
    Path tmp;

    @Test
    void shouldEmitExactlyTheBacktestsScoresWhenStreamRunsTheSameRowsAdaptively() throws Exception {
        // Given a bundle trained on one clean source, an adaptive config file, and two drifting sources, one with a fault
        Path bundle = tmp.resolve("model");
        cli("train", "--input", DriftingSources.write(tmp.resolve("train.csv"), DriftingSources.generate(3, 1, 300, -100)).toString(),
                "--columns", String.join(",", DriftingSources.COLUMNS), "--timestamp-column", "ts", "--layout", "window",
                "--window", Integer.toString(WINDOW), "--kind", "undercomplete", "--encoder", "8,3", "--epochs", "5",
                "--quiet", "--seed", "5", "--out", bundle.toString());
        Path config = tmp.resolve("adaptive.json");
        Json.mapper().writeValue(config.toFile(), CONFIG);
        List<DriftingSources.Row> rows = DriftingSources.generate(17, SOURCES, ROWS, 120);
        Path input = DriftingSources.write(tmp.resolve("drift.csv"), rows);

        // When the CLI backtests it
        Path scores = tmp.resolve("scores.csv");
        cli("score", "--model", bundle.toString(), "--input", input.toString(), "--timestamp-column", "ts", "--key-column", "key",
                "--adaptive", config.toString(), "--out", scores.toString());
        Map<String, List<ScoreRow>> backtest = new TreeMap<>();
        for (ScoreRow.Indexed s : ScoreRow.readCsv(scores)) {
            backtest.computeIfAbsent(rows.get(s.row()).key(), k -> new ArrayList<>()).add(s.score());
        }

        // and the stream app scores the same rows as records
        Map<String, List<ScoreRow>> streamed = stream(bundle, config, rows);

        // Then both emitted one result per complete window, identical field by field, fine-tuned models included
        assertThat(backtest).containsOnlyKeys("sensor-0", "sensor-1");
        backtest.values().forEach(v -> assertThat(v).hasSize(ROWS - WINDOW + 1));
        assertThat(streamed).isEqualTo(backtest);
        assertThat(backtest.values()).allSatisfy(v -> assertThat(v).extracting(ScoreRow::modelVersion)
                .anyMatch(version -> version.endsWith("+ft1")));
        assertThat(backtest.get("sensor-1")).extracting(ScoreRow::anomaly).contains(true);
    }

    private static void cli(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err, true));
        assertThat(cl.execute(args)).as(String.join(" ", args) + "\n" + err).isZero();
    }

    private Map<String, List<ScoreRow>> stream(Path bundle, Path config, List<DriftingSources.Row> rows) throws Exception {
        try (LocalKafka kafka = LocalKafka.start()) {
            StreamConfig app = ConfigLoader.load(Map.of(Settings.BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
                    Settings.MODEL_PATH, bundle.toString(), Settings.ADAPTIVE, config.toString(),
                    Settings.STATE_DIR, tmp.resolve("state").toString(), Settings.HTTP_HOST, "127.0.0.1",
                    Settings.HTTP_PORT, "0"), Map.of());
            kafka.createTopics(2, app.topics().all());
            try (RunningApp running = StreamApp.start(app)) {
                assertThat(running.awaitReady(WAIT)).isTrue();
                try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
                    for (DriftingSources.Row row : rows) {
                        producer.send(new ProducerRecord<>(app.topics().input(), row.key(), DriftingSources.json(row)));
                    }
                }
                var messages = JsonSerde.of(ScoreMessage.class).deserializer();
                Map<String, List<ScoreRow>> out = new TreeMap<>();
                TopicRecords.read(kafka.bootstrapServers(), app.topics().scores(), SOURCES * (ROWS - WINDOW + 1), WAIT,
                        new StringDeserializer(), new ByteArrayDeserializer()).forEach(r -> out.computeIfAbsent(r.key(),
                        k -> new ArrayList<>()).add(ScoreRow.of(messages.deserialize(r.topic(), r.value()))));
                return out;
            }
        }
    }
}
