package io.aestream.adaptive;

import io.aestream.scoring.Activation;
import io.aestream.scoring.DenseNetwork;
import io.aestream.scoring.Distribution;
import io.aestream.scoring.Normalizer;
import io.aestream.scoring.Threshold;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NetworkCacheTest {
    private static final int D = 6;

    @Test
    void shouldReturnSameInstanceEqualToFreshDecodeWhenBytesRepeat() {
        // Given a state whose live network is a fine-tuned one
        AdaptiveState state = tunedState();
        byte[] bytes = state.toBytes();
        NetworkCache cache = new NetworkCache(4);

        // When it is read twice through the cache
        AdaptiveState first = AdaptiveState.fromBytes(bytes, cache);
        AdaptiveState second = AdaptiveState.fromBytes(bytes.clone(), cache);

        // Then the network is decoded once, equals a fresh decode, and writing back reproduces the bytes
        assertThat(second.network).isSameAs(first.network).isEqualTo(AdaptiveState.fromBytes(bytes).network);
        assertThat(cache.size()).isEqualTo(1);
        assertThat(second.toBytes()).isEqualTo(bytes);
    }

    @Test
    void shouldEvictLeastRecentlyUsedWhenFull() {
        NetworkCache cache = new NetworkCache(2);
        byte[] n1 = Codec.networkBytes(TestNetworks.random(1, Activation.TANH, Activation.IDENTITY, 3, 2, 3));
        byte[] n2 = Codec.networkBytes(TestNetworks.random(2, Activation.TANH, Activation.IDENTITY, 3, 2, 3));
        byte[] n3 = Codec.networkBytes(TestNetworks.random(3, Activation.TANH, Activation.IDENTITY, 3, 2, 3));
        DenseNetwork first = cache.network(n1);
        cache.network(n2);
        cache.network(n1);
        cache.network(n3);

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.network(n1)).isSameAs(first);
        assertThat(cache.network(n2)).isEqualTo(NetworkCache.decode(n2));
        assertThatThrownBy(() -> new NetworkCache(0)).hasMessageContaining("capacity: must be >= 1, got 0");
    }

    @Test
    void shouldScoreIdenticallyWhenStatesOfInterleavedKeysTravelThroughBytesAndCache() {
        // Given two keys' frames, scored once with states in memory ...
        List<List<double[]>> frames = List.of(TestNetworks.driftingFrames(6, 300, D), TestNetworks.driftingFrames(7, 300, D));
        AdaptiveDetector inMemory = detector();
        AdaptiveState[] memory = {inMemory.newState(), inMemory.newState()};
        // ... and once as the stream does, states through bytes on every frame and one cache for both keys
        AdaptiveDetector streamed = detector();
        NetworkCache cache = new NetworkCache(4);
        byte[][] stored = {streamed.newState().toBytes(), streamed.newState().toBytes()};

        // When the keys alternate
        List<String> versions = new ArrayList<>();
        for (int t = 0; t < 300; t++) {
            for (int k = 0; k < 2; k++) {
                AdaptiveResult expected = inMemory.step(memory[k], frames.get(k).get(t), t);
                AdaptiveState s = AdaptiveState.fromBytes(stored[k], cache);
                AdaptiveResult actual = streamed.step(s, frames.get(k).get(t), t);
                stored[k] = s.toBytes();

                // Then every result is identical, across fine-tune switches
                assertThat(actual).usingRecursiveComparison().isEqualTo(expected);
                versions.add(actual.modelVersion());
            }
        }
        assertThat(versions).contains("1.0.0", "1.0.0+ft1", "1.0.0+ft2");
    }

    private static AdaptiveDetector detector() {
        DenseNetwork net = TestNetworks.random(1, Activation.TANH, Activation.IDENTITY, D, 3, D);
        return new AdaptiveDetector(net, new Normalizer.Standardize(new double[D], filled(2.0)), Distribution.GAUSSIAN,
                new Threshold(1.0, "fixed", Map.of()), "1.0.0", BacktestTest.CONFIG, FineTuneWorker.inline());
    }

    private static AdaptiveState tunedState() {
        AdaptiveDetector detector = detector();
        AdaptiveState state = detector.newState();
        List<double[]> frames = TestNetworks.driftingFrames(6, 120, D);
        for (int t = 0; t < frames.size(); t++) {
            detector.step(state, frames.get(t), t);
        }
        assertThat(state.revision()).isEqualTo(1);
        return state;
    }

    private static double[] filled(double v) {
        double[] a = new double[D];
        Arrays.fill(a, v);
        return a;
    }
}
