package io.aestream.stream.topology;

import io.aestream.bundle.ModelBundle;
import io.aestream.frame.AudioFrameSpec;
import io.aestream.frame.AudioProcessor;
import io.aestream.frame.AudioState;
import io.aestream.stream.TestBundles;
import io.aestream.stream.config.Settings;
import io.aestream.stream.input.InputDecoder;
import io.aestream.stream.message.ScoreMessage;
import io.aestream.stream.serde.StateSerdes;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Audio layout: PCM16 chunks of any length, per-key STFT state in the audio store, denoised PCM16 out. */
class AudioTopologyTest {
    private static final AudioFrameSpec SPEC = TestBundles.audioSpec();
    @TempDir
    Path tmp;

    @Test
    void shouldEmitOneScorePerHopAndDelayedPcmWhenChunksArrive() throws IOException {
        try (DriverFixture fx = fixture("binary")) {
            // When 1000 samples arrive in uneven chunks (frame 64, hop 16)
            short[] pcm = tone(1000, 1);
            sendInChunks(fx, "mic", pcm, new Random(9));
            // Then a frame completes every 16 samples, and all but the last frameLength - hop samples come back
            assertThat(fx.scores()).hasSize(1000 / 16).allSatisfy(s -> assertThat(s.key()).isEqualTo("mic"));
            List<TestRecord<byte[], byte[]>> out = fx.denoised.readRecordsToList();
            assertThat(concat(out.stream().map(TestRecord::value).toList())).hasSize(1000 / 16 * 16 - (64 - 16));
            assertThat(out).allSatisfy(r -> assertThat(DeadLetterTopologyTest.header(r.headers(), InputDecoder.SAMPLE_RATE_HEADER))
                    .isEqualTo("8000"));
            AudioState state = fx.driver.<String, AudioState>getKeyValueStore(TopologyFactory.AUDIO_STORE).get("mic");
            assertThat(state.samples()).isEqualTo(1000);
            assertThat(state.frames()).isEqualTo(1000 / 16);
        }
    }

    @Test
    void shouldTimestampFramesByTheirLastSampleWhenJsonChunkHasTs() throws IOException {
        try (DriverFixture fx = fixture("json")) {
            // Given 48 samples (6 ms at 8 kHz) starting at ts 5000: frames end at samples 15, 31, 47
            String pcm = Base64.getEncoder().encodeToString(ParityTest.le16(tone(48, 2), 0, 48));
            // When
            fx.send("mic", ("{\"ts\": 5000, \"pcm16\": \"" + pcm + "\"}").getBytes(StandardCharsets.UTF_8),
                    DeadLetterTopologyTest.rate("8000"));
            // Then
            assertThat(fx.scores()).extracting(ScoreMessage::ts).containsExactly(5001L, 5003L, 5005L);
        }
    }

    @Test
    void shouldKeepStreamsApartWhenKeysInterleave() throws IOException {
        try (DriverFixture fx = fixture("binary")) {
            short[] a = tone(320, 1);
            short[] b = tone(320, 3);
            for (int i = 0; i < 320; i += 80) {
                fx.send("a", ParityTest.le16(a, i, i + 80), DeadLetterTopologyTest.rate("8000"));
                fx.send("b", ParityTest.le16(b, i, i + 80), DeadLetterTopologyTest.rate("8000"));
            }
            var store = fx.driver.<String, AudioState>getKeyValueStore(TopologyFactory.AUDIO_STORE);
            assertThat(store.get("a").samples()).isEqualTo(320);
            assertThat(store.get("b").samples()).isEqualTo(320);
            assertThat(fx.scores()).hasSize(2 * 320 / 16);
        }
    }

    @Test
    void shouldContinueAMaskModelsStreamExactlyAfterARestartFromTheStoredAudioState() throws IOException {
        // Given a mask model, whose normalization, context and noise tracker are state, and the offline result
        ModelBundle bundle = TestBundles.mask(tmp.resolve("mask"), 5);
        AudioFrameSpec spec = (AudioFrameSpec) bundle.manifest().frameSpec();
        short[] pcm = tone(3000, 2);
        double[] signal = new double[pcm.length];
        for (int i = 0; i < pcm.length; i++) {
            signal[i] = pcm[i] / 32768.0;
        }
        double[] offline = new AudioProcessor(spec, bundle.newScorer()).push(AudioState.start(spec), signal, (i, s) -> { });
        // When the first 1700 samples go to one app instance and the rest to a new one restored from its audio store
        List<byte[]> chunks = new java.util.ArrayList<>();
        byte[] saved;
        try (DriverFixture first = new DriverFixture(bundle, tmp.resolve("s1"), Map.of(Settings.INPUT_FORMAT, "binary"))) {
            for (int i = 0; i < 1700; i += 100) {
                first.send("mic", ParityTest.le16(pcm, i, i + 100), DeadLetterTopologyTest.rate("8000"));
            }
            first.denoised.readRecordsToList().forEach(r -> chunks.add(r.value()));
            saved = StateSerdes.audio().serializer().serialize(TopologyFactory.AUDIO_STORE,
                    first.driver.<String, AudioState>getKeyValueStore(TopologyFactory.AUDIO_STORE).get("mic"));
        }
        try (DriverFixture second = new DriverFixture(bundle, tmp.resolve("s2"), Map.of(Settings.INPUT_FORMAT, "binary"))) {
            second.driver.<String, AudioState>getKeyValueStore(TopologyFactory.AUDIO_STORE)
                    .put("mic", StateSerdes.audio().deserializer().deserialize(TopologyFactory.AUDIO_STORE, saved));
            for (int i = 1700; i < pcm.length; i += 100) {
                second.send("mic", ParityTest.le16(pcm, i, i + 100), DeadLetterTopologyTest.rate("8000"));
            }
            second.denoised.readRecordsToList().forEach(r -> chunks.add(r.value()));
        }
        // Then the two halves together are the offline output, sample for sample
        short[] streamed = concat(chunks);
        assertThat(streamed).hasSize(offline.length);
        for (int i = 0; i < streamed.length; i++) {
            assertThat(streamed[i]).as("sample %d", i).isEqualTo(DenoisedPcm.toPcm16(offline[i]));
        }
    }

    private DriverFixture fixture(String format) throws IOException {
        return new DriverFixture(TestBundles.random(tmp.resolve("bundle"), SPEC, 21), tmp.resolve("state"),
                Map.of(Settings.INPUT_FORMAT, format));
    }

    /** A tone at {@code harmonic} × 250 Hz with a little seeded noise, as PCM16. */
    static short[] tone(int samples, int harmonic) {
        Random rnd = new Random(harmonic);
        short[] out = new short[samples];
        for (int i = 0; i < samples; i++) {
            double x = 0.4 * Math.sin(2 * Math.PI * 250 * harmonic * i / 8000.0) + 0.02 * rnd.nextGaussian();
            out[i] = (short) Math.round(x * 32767);
        }
        return out;
    }

    static void sendInChunks(DriverFixture fx, String key, short[] pcm, Random rnd) {
        for (int i = 0; i < pcm.length; ) {
            int end = Math.min(pcm.length, i + 1 + rnd.nextInt(100));
            fx.send(key, ParityTest.le16(pcm, i, end), DeadLetterTopologyTest.rate("8000"));
            i = end;
        }
    }

    static short[] concat(List<byte[]> chunks) {
        int n = chunks.stream().mapToInt(c -> c.length / 2).sum();
        short[] out = new short[n];
        int k = 0;
        for (byte[] c : chunks) {
            ByteBuffer buf = ByteBuffer.wrap(c).order(ByteOrder.LITTLE_ENDIAN);
            while (buf.hasRemaining()) {
                out[k++] = buf.getShort();
            }
        }
        return out;
    }
}
