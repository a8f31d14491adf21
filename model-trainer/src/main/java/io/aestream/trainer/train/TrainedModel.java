package io.aestream.trainer.train;

import io.aestream.scoring.DenseNetwork;

import java.util.List;
import java.util.Map;

/**
 * The result of training: the network as plain arrays (what scoring uses), the native DL4J/SameDiff files
 * (for further training), the loss history and the epoch whose weights were kept.
 */
public record TrainedModel(DenseNetwork network, Map<String, byte[]> nativeFiles, List<EpochStats> history, int bestEpoch) {
    public TrainedModel {
        nativeFiles = Map.copyOf(nativeFiles);
        history = List.copyOf(history);
    }
}
