package io.aestream.stream.topology;

import io.aestream.bundle.ModelBundle;
import io.aestream.scoring.Classification;
import io.aestream.scoring.Classifier;
import io.aestream.stream.TestBundles;
import io.aestream.stream.config.Settings;
import io.aestream.stream.message.BinaryMessages;
import io.aestream.stream.message.EventMessage;
import io.aestream.stream.message.ScoreMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A classifier beside the anomaly model: flagged frames' scores carry the class the classifier names for the frame,
 * events the class of the mean probabilities of their flagged frames, and without the classifier every output is
 * byte for byte what it was.
 */
class ClassifierTopologyTest {
    private static final List<String> CLASSES = List.of("high-a", "high-b");
    /** Class logits 0.5·z_a and 0.5·z_b of the normalized a and b the parent's encoder keeps. */
    private static final double[] HEAD = {0.5, 0, 0, 0.5};
    /** c = 6 flags a frame (see {@link TestBundles#vector}); a or b off its mean picks the class. */
    private static final double[][] FRAMES = {{1, 2, 3}, {5, 2, 6}, {5, 2, 6}, {1, 10, 6}, {1, 2, 3}, {1, 2, 3}};

    @TempDir
    Path tmp;
    private ModelBundle model;
    private ModelBundle classifier;

    @BeforeEach
    void setUp() throws IOException {
        model = TestBundles.vector(tmp.resolve("model"));
        classifier = TestBundles.classifier(tmp.resolve("classifier"), model, CLASSES, HEAD);
    }

    @Test
    void shouldNameTheClassOfFlaggedFramesAndOfEventsFromTheMeanOfTheirFrames() {
        // Given the classifier configured beside the model; events open after 2 flagged frames, close after 2 calm
        try (DriverFixture fx = fixture(Map.of(Settings.CLASSIFIER_PATH, classifier.location().toString()))) {
            // When a calm frame, three flagged ones (two high in a, one high in b) and two calm ones arrive
            send(fx);

            // Then each flagged frame's score has the class the offline classifier names for it, the others none
            Classifier offline = classifier.newClassifier();
            List<ScoreMessage> scores = fx.scores();
            assertThat(scores).extracting(ScoreMessage::anomaly).containsExactly(false, true, true, true, false, false);
            for (int i = 0; i < FRAMES.length; i++) {
                ScoreMessage s = scores.get(i);
                if (s.anomaly()) {
                    Classification c = offline.classify(FRAMES[i]);
                    assertThat(s.className()).as("frame %d", i).isEqualTo(c.label());
                    assertThat(s.classProbability()).as("frame %d", i).isCloseTo(c.probability(), within(1e-12));
                } else {
                    assertThat(s.className()).as("frame %d", i).isNull();
                    assertThat(s.classProbability()).as("frame %d", i).isNull();
                }
            }
            assertThat(scores).extracting(ScoreMessage::className).containsExactly(null, "high-a", "high-a", "high-b", null, null);
            // And the opened event has the mean of its two opening frames, the closed one that of all three
            List<EventMessage> events = fx.anomalies();
            assertThat(events).extracting(EventMessage::phase).containsExactly("opened", "closed");
            assertThat(events.get(0).className()).isEqualTo("high-a");
            assertThat(events.get(0).classProbability()).isCloseTo(mean(offline, 1, 2)[0], within(1e-12));
            assertThat(events.get(1).className()).isEqualTo("high-a");
            assertThat(events.get(1).classProbability()).isCloseTo(mean(offline, 1, 3)[0], within(1e-12));
            assertThat(mean(offline, 1, 3)[0]).as("the b frame pulls the mean down").isLessThan(mean(offline, 1, 2)[0] - 0.1);
            // And the closed event is counted under its class, the other class at zero
            assertThat(fx.registry.get("aestream.events.classified").tag("class", "high-a").counter().count()).isEqualTo(1);
            assertThat(fx.registry.get("aestream.events.classified").tag("class", "high-b").counter().count()).isZero();
        }
    }

    @Test
    void shouldWriteTheSameBytesAsWithoutAClassifierExceptTheClassFields() {
        // Given the same frames through the app with and without the classifier
        List<byte[]> withScores;
        List<byte[]> withEvents;
        try (DriverFixture fx = fixture(Map.of(Settings.CLASSIFIER_PATH, classifier.location().toString()))) {
            send(fx);
            withScores = fx.scores.readValuesToList();
            withEvents = fx.anomalies.readValuesToList();
        }
        List<byte[]> withoutScores;
        List<byte[]> withoutEvents;
        try (DriverFixture fx = fixture(Map.of())) {
            send(fx);
            withoutScores = fx.scores.readValuesToList();
            withoutEvents = fx.anomalies.readValuesToList();
        }
        // Then taking the two class fields out of each value gives the bytes written without a classifier
        assertThat(withScores.stream().map(ClassifierTopologyTest::withoutClass).toList())
                .containsExactlyElementsOf(withoutScores.stream().map(DriverFixture::utf8).toList());
        assertThat(withEvents.stream().map(ClassifierTopologyTest::withoutClass).toList())
                .containsExactlyElementsOf(withoutEvents.stream().map(DriverFixture::utf8).toList());
        assertThat(withScores.stream().map(DriverFixture::utf8).filter(v -> v.contains("\"class\":"))).hasSize(3);
        assertThat(withoutScores.stream().map(DriverFixture::utf8)).noneMatch(v -> v.contains("class"));
    }

    @Test
    void shouldCarryTheClassInTheBinaryScoreLayout() {
        try (DriverFixture fx = fixture(Map.of(Settings.CLASSIFIER_PATH, classifier.location().toString(),
                Settings.OUTPUT_FORMAT, "binary"))) {
            send(fx);
            List<ScoreMessage> scores = fx.scores.readValuesToList().stream()
                    .map(v -> BinaryMessages.readScore("k", v, model.manifest().featureNames())).toList();
            Classifier offline = classifier.newClassifier();
            assertThat(scores).extracting(ScoreMessage::className).containsExactly(null, "high-a", "high-a", "high-b", null, null);
            assertThat(scores.get(3).classProbability()).isCloseTo(offline.classify(FRAMES[3]).probability(), within(1e-15));
        }
    }

    private DriverFixture fixture(Map<String, String> settings) {
        return new DriverFixture(model, tmp.resolve("state-" + settings.hashCode()), settings);
    }

    private static void send(DriverFixture fx) {
        for (int i = 0; i < FRAMES.length; i++) {
            double[] f = FRAMES[i];
            fx.sendJson("pump-1", "{\"ts\": " + (1000 + i) + ", \"values\": [" + f[0] + ", " + f[1] + ", " + f[2] + "]}");
        }
    }

    /** Mean class probabilities of frames {@code from..to} (inclusive) by the offline classifier. */
    private static double[] mean(Classifier classifier, int from, int to) {
        double[] sum = new double[CLASSES.size()];
        IntStream.rangeClosed(from, to).forEach(i -> {
            double[] p = classifier.probabilities(FRAMES[i]);
            for (int k = 0; k < sum.length; k++) {
                sum[k] += p[k] / (to - from + 1);
            }
        });
        return sum;
    }

    private static String withoutClass(byte[] json) {
        return DriverFixture.utf8(json).replaceAll(",\"class\":\"[^\"]*\",\"class_probability\":[-0-9.eE]+", "");
    }
}
