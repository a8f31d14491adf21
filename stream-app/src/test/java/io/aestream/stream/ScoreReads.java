package io.aestream.stream;

import io.aestream.stream.config.StreamConfig;
import io.aestream.stream.message.ScoreMessage;
import io.aestream.stream.serde.JsonSerde;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** An app's committed scores, read back from its scores topic. */
final class ScoreReads {
    private static final Deserializer<ScoreMessage> SCORE = JsonSerde.of(ScoreMessage.class).deserializer();

    private ScoreReads() {
    }

    /** Once {@code count} scores arrived, or {@code wait} passed. */
    static List<ScoreMessage> scores(EmbeddedKafka kafka, StreamConfig config, int count, Duration wait) {
        String topic = config.topics().scores();
        return kafka.read(topic, count, wait).stream().map(r -> SCORE.deserialize(topic, r.value())).toList();
    }

    /**
     * Once scores of {@code frames} distinct (key, ts) pairs arrived, or {@code wait} passed: at least once may score a
     * frame twice after a failure, so {@code frames} records need not hold every frame yet.
     */
    static List<ScoreMessage> distinctScores(EmbeddedKafka kafka, StreamConfig config, int frames, Duration wait) {
        String topic = config.topics().scores();
        List<ScoreMessage> scores = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<ConsumerRecord<byte[], byte[]>> records = kafka.read(topic, read -> {
            decodeNew(topic, read, scores, seen);
            return seen.size() >= frames;
        }, wait);
        decodeNew(topic, records, scores, seen);
        return scores;
    }

    /** Decodes the records past those already in {@code scores}, noting each (key, ts) in {@code seen}. */
    private static void decodeNew(String topic, List<ConsumerRecord<byte[], byte[]>> records, List<ScoreMessage> scores,
                                  Set<String> seen) {
        for (int i = scores.size(); i < records.size(); i++) {
            ScoreMessage m = SCORE.deserialize(topic, records.get(i).value());
            scores.add(m);
            seen.add(m.key() + "@" + m.ts());
        }
    }
}
