package io.aestream.trainer.train;

import io.aestream.scoring.DenseNetwork;

import java.util.List;
import java.util.Map;

/**
 * The result of training: the network as plain arrays (what scoring uses), the native DL4J/SameDiff files
 * (for further training), the loss history and the epoch whose weights were kept.
 *
 * @param history   every evaluated epoch of every phase in order (epoch 0 = the starting weights of a phase)
 * @param bestEpoch the kept epoch of the last phase ("train", or "finetune" for a stacked autoencoder)
 */
public record TrainedModel(DenseNetwork network, Map<String, byte[]> nativeFiles, List<EpochStats> history, int bestEpoch) {
    public TrainedModel {
        nativeFiles = Map.copyOf(nativeFiles);
        history = List.copyOf(history);
    }

    /** The statistics of the kept weights: epoch {@link #bestEpoch} of the last phase. */
    /** Epochs of training actually run: the history also holds each phase's epoch 0, the untrained evaluation. */
    public int epochsRun() {
        return (int) history.stream().filter(e -> e.epoch() > 0).count();
    }

    public EpochStats bestStats() {
        String last = history.get(history.size() - 1).phase();
        return history.stream()
                .filter(s -> s.phase().equals(last) && s.epoch() == bestEpoch)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("history: no epoch " + bestEpoch + " in phase " + last));
    }
}
