package io.aestream.stream.topology;

import io.aestream.bundle.ModelBundle;
import io.aestream.frame.AudioFrameSpec;
import io.aestream.frame.AudioProcessor;
import io.aestream.frame.AudioState;
import io.aestream.frame.VectorFrameSpec;
import io.aestream.frame.WindowAssembler;
import io.aestream.frame.WindowFrameSpec;
import io.aestream.frame.WindowState;
import io.aestream.scoring.FrameScore;
import io.aestream.scoring.Scorer;
import io.aestream.stream.TestBundles;
import io.aestream.stream.config.Settings;
import io.aestream.stream.message.DenoisedMessage;
import io.aestream.stream.message.ScoreMessage;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Streamed scores and denoised output equal the offline core path (Scorer, WindowAssembler, AudioProcessor). */
class ParityTest {
    private static final double TOLERANCE = 1e-5;
    @TempDir
    Path tmp;

    @Test
    void shouldMatchOfflineScorerWhenLayoutIsVector() throws IOException {
        ModelBundle bundle = TestBundles.random(tmp.resolve("b"), new VectorFrameSpec(List.of("a", "b", "c", "d", "e")), 11);
        Random rnd = new Random(5);
        List<double[]> frames = new ArrayList<>();
        try (DriverFixture fx = new DriverFixture(bundle, tmp.resolve("s"), Map.of())) {
            for (int i = 0; i < 40; i++) {
                double[] f = rnd.doubles(5, -3, 3).toArray();
                frames.add(f);
                fx.sendJson("k" + i % 3, "{\"ts\": " + i + ", \"values\": " + Arrays.toString(f) + "}");
            }
            List<ScoreMessage> scores = fx.scores();
            List<DenoisedMessage> denoised = fx.denoised();
            Scorer offline = bundle.newScorer();
            assertThat(scores).hasSize(40);
            for (int i = 0; i < 40; i++) {
                FrameScore expected = offline.score(frames.get(i));
                assertThat(scores.get(i).score()).isCloseTo(expected.score(), within(TOLERANCE));
                assertThat(denoised.get(i).values()).containsExactly(expected.reconstruction(), within(TOLERANCE));
            }
        }
    }

    @Test
    void shouldMatchOfflineWindowAssemblerWhenLayoutIsWindow() throws IOException {
        WindowFrameSpec spec = TestBundles.windowSpec();
        ModelBundle bundle = TestBundles.random(tmp.resolve("b"), spec, 12);
        try (DriverFixture fx = new DriverFixture(bundle, tmp.resolve("s"), Map.of())) {
            WindowTopologyTest.sendRows(fx, "k", 1, 30);
            List<ScoreMessage> scores = fx.scores();
            List<DenoisedMessage> denoised = fx.denoised();
            WindowAssembler assembler = new WindowAssembler(spec);
            WindowState state = WindowState.empty(spec);
            Scorer offline = bundle.newScorer();
            int n = 0;
            for (int i = 1; i <= 30; i++) {
                double[] frame = assembler.push(state, new double[] {Math.sin(i / 3.0), Math.cos(i / 5.0)});
                if (frame != null) {
                    FrameScore expected = offline.score(frame);
                    assertThat(scores.get(n).score()).isCloseTo(expected.score(), within(TOLERANCE));
                    assertThat(denoised.get(n).values()).containsExactly(Arrays.copyOfRange(expected.reconstruction(), 6, 8),
                            within(TOLERANCE));
                    n++;
                }
            }
            assertThat(scores).hasSize(n).hasSize(14);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"reconstruction", "mask"})
    void shouldMatchOfflineAudioProcessorWhenPcmArrivesInUnevenChunks(String model) throws IOException {
        // the mask model's running normalization, context and noise tracker live in the audio store between records
        ModelBundle bundle = model.equals("mask") ? TestBundles.mask(tmp.resolve("b"), 13)
                : TestBundles.random(tmp.resolve("b"), TestBundles.audioSpec(), 13);
        AudioFrameSpec spec = (AudioFrameSpec) bundle.manifest().frameSpec();
        short[] pcm = AudioTopologyTest.tone(2000, 1);
        try (DriverFixture fx = new DriverFixture(bundle, tmp.resolve("s"), Map.of(Settings.INPUT_FORMAT, "binary"))) {
            // Given the offline result over the whole signal
            double[] signal = new double[pcm.length];
            for (int i = 0; i < pcm.length; i++) {
                signal[i] = pcm[i] / 32768.0;
            }
            List<Double> offlineScores = new ArrayList<>();
            double[] offlineDenoised = new AudioProcessor(spec, bundle.newScorer())
                    .push(AudioState.start(spec), signal, (i, s) -> offlineScores.add(s.score()));
            // When the same samples are streamed in chunks of 1 to 100 samples
            AudioTopologyTest.sendInChunks(fx, "mic", pcm, new Random(3));
            // Then every frame's score and every denoised sample match
            assertThat(fx.scores()).extracting(ScoreMessage::score).hasSize(offlineScores.size())
                    .zipSatisfy(offlineScores, (a, b) -> assertThat(a).isCloseTo(b, within(TOLERANCE)));
            short[] streamed = AudioTopologyTest.concat(fx.denoised.readRecordsToList().stream().map(TestRecord::value).toList());
            assertThat(streamed).hasSize(offlineDenoised.length);
            for (int i = 0; i < streamed.length; i++) {
                assertThat(streamed[i]).isEqualTo(DenoisedPcm.toPcm16(offlineDenoised[i]));
            }
        }
    }

    static byte[] le16(short[] samples, int from, int to) {
        ByteBuffer buf = ByteBuffer.allocate(2 * (to - from)).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = from; i < to; i++) {
            buf.putShort(samples[i]);
        }
        return buf.array();
    }
}
