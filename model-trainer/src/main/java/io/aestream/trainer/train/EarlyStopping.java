package io.aestream.trainer.train;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Early stopping for one training phase, shared by the autoencoder and classifier loops: after every epoch the
 * monitored loss must improve by more than {@code minDelta} within {@code patience} epochs; the best epoch's weights
 * are kept as a snapshot. A loss that is not finite stops training with an error naming the phase and epoch.
 */
final class EarlyStopping {
    private final String phase;
    private final int patience;
    private final double minDelta;
    private final String hint;
    private double best = Double.POSITIVE_INFINITY;
    private int bestEpoch;
    private Map<String, INDArray> bestWeights;

    /** @param hint what the divergence error suggests, e.g. "lower the rate" */
    EarlyStopping(String phase, int patience, double minDelta, String hint, Map<String, INDArray> initialWeights) {
        this.phase = phase;
        this.patience = patience;
        this.minDelta = minDelta;
        this.hint = hint;
        this.bestWeights = initialWeights;
    }

    /** Records epoch {@code epoch}'s monitored loss; true when training should go on. */
    boolean keepGoing(int epoch, double monitored, Supplier<Map<String, INDArray>> weights) {
        if (!Double.isFinite(monitored)) {
            throw new IllegalStateException(phase + " epoch " + epoch + ": loss is " + monitored + " (diverged; " + hint + ")");
        }
        if (monitored < best - minDelta) {
            best = monitored;
            bestEpoch = epoch;
            bestWeights = weights.get();
            return true;
        }
        return epoch - bestEpoch < patience;
    }

    int bestEpoch() {
        return bestEpoch;
    }

    Map<String, INDArray> bestWeights() {
        return bestWeights;
    }
}
