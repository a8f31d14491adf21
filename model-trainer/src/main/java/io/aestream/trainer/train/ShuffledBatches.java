package io.aestream.trainer.train;

import io.aestream.sampling.Shuffle;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.MultiDataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One epoch of minibatches in a seeded random order: features = corrupted rows x̃ (drawn when the batch is
 * requested), labels = the clean rows x. Synchronous on purpose: SameDiff must not prefetch on another thread,
 * or the corruption draws would depend on timing.
 */
final class ShuffledBatches implements MultiDataSetIterator {
    private final double[][] rows;
    private final int batchSize;
    private final Corruptor corruptor;
    private final SplittableRandom rng;
    private final int[] order;
    private int position;

    ShuffledBatches(double[][] rows, int batchSize, Corruptor corruptor, SplittableRandom rng) {
        this.rows = rows;
        this.batchSize = batchSize;
        this.corruptor = corruptor;
        this.rng = rng;
        this.order = new int[rows.length];
        reset();
    }

    @Override
    public boolean hasNext() {
        return position < order.length;
    }

    @Override
    public MultiDataSet next() {
        int[] batch = Arrays.copyOfRange(order, position, Math.min(position + batchSize, order.length));
        position += batch.length;
        double[][] clean = new double[batch.length][];
        for (int i = 0; i < batch.length; i++) {
            clean[i] = rows[batch[i]];
        }
        double[][] input = corruptor.corrupt(clean, TrainingSet.Part.TRAIN, batch, rng);
        return new org.nd4j.linalg.dataset.MultiDataSet(NdArrays.matrix(input), NdArrays.matrix(clean));
    }

    @Override
    public MultiDataSet next(int num) {
        throw new UnsupportedOperationException("next(num): batches have the configured size");
    }

    /** Starts a new epoch with a fresh permutation (Fisher–Yates). */
    @Override
    public void reset() {
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Shuffle.inPlace(order, rng);
        position = 0;
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    @Override
    public boolean asyncSupported() {
        return false;
    }

    @Override
    public void setPreProcessor(MultiDataSetPreProcessor preProcessor) {
        throw new UnsupportedOperationException("preprocessing: inputs are normalized before training");
    }

    @Override
    public MultiDataSetPreProcessor getPreProcessor() {
        return null;
    }
}
