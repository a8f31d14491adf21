package io.aestream.trainer.train;

import io.aestream.trainer.model.AutoencoderWeights;
import io.aestream.trainer.model.AutoencoderWeights.LayerPair;
import io.aestream.trainer.model.NetworkShape;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One autoencoder as a SameDiff graph: placeholders {@code input} (possibly corrupted) and {@code target}
 * (clean), encoder variables {@code W<k>, b<k>}, decoder variables {@code Wd<k>} (absent when tied: the decoder
 * multiplies by the transpose of {@code W<k>}, so there is one parameter, not two synced copies) and
 * {@code c<k>}; outputs {@code code}, {@code output}, {@code reconstruction} (mean per-feature NLL) and
 * {@code loss} (reconstruction + penalty, the training objective). Trained with Adam in float32.
 */
final class AutoencoderGraph {
    private final SameDiff sd;
    private final NetworkShape shape;

    private AutoencoderGraph(SameDiff sd, NetworkShape shape) {
        this.sd = sd;
        this.shape = shape;
    }

    static AutoencoderGraph build(NetworkShape shape, Objective.Penalty penalty, AutoencoderWeights init, double learningRate) {
        return build(shape, penalty, init, learningRate, null);
    }

    /** @param bernoulliLogits per output feature, whether it is a logit under cross-entropy (null: none) */
    static AutoencoderGraph build(NetworkShape shape, Objective.Penalty penalty, AutoencoderWeights init, double learningRate,
                                  boolean[] bernoulliLogits) {
        if (init.layers().size() != shape.depth()) {
            throw new IllegalArgumentException("init: expected " + shape.depth() + " layers, got " + init.layers().size());
        }
        SameDiff sd = SameDiff.create();
        SDVariable input = sd.placeHolder(NativeAutoencoder.INPUT, DataType.FLOAT, -1, shape.inputs());
        SDVariable target = sd.placeHolder(NativeAutoencoder.TARGET, DataType.FLOAT, -1, shape.inputs());
        List<SDVariable> weights = new ArrayList<>();
        List<SDVariable> hidden = new ArrayList<>();
        SDVariable h = input;
        for (int k = 0; k < shape.depth(); k++) {
            LayerPair p = init.layers().get(k);
            SDVariable w = sd.var("W" + k, NdArrays.matrix(p.encoderWeights()));
            SDVariable z = h.mmul(w).add(sd.var("b" + k, NdArrays.vector(p.encoderBias())));
            h = GraphTerms.activate(sd, k == shape.depth() - 1 ? NativeAutoencoder.CODE : null, z, shape.hidden());
            weights.add(w);
            hidden.add(h);
        }
        SDVariable logits = null;
        for (int k = shape.depth() - 1; k >= 0; k--) {
            LayerPair p = init.layers().get(k);
            SDVariable product = p.tied()
                    ? sd.mmul(h, weights.get(k), false, true, false)
                    : h.mmul(sd.var("Wd" + k, NdArrays.matrix(p.decoderWeights())));
            SDVariable z = product.add(sd.var("c" + k, NdArrays.vector(p.decoderBias())));
            if (k == 0) {
                logits = z;
                h = GraphTerms.activate(sd, NativeAutoencoder.OUTPUT, z, shape.output());
            } else {
                h = GraphTerms.activate(sd, null, z, shape.hidden());
            }
        }
        SDVariable reconstruction = bernoulliLogits == null
                ? GraphTerms.reconstruction(sd, NativeAutoencoder.RECONSTRUCTION, shape.loss(), logits, h, target)
                : GraphTerms.mixedReconstruction(sd, NativeAutoencoder.RECONSTRUCTION, shape, bernoulliLogits, logits, target);
        SDVariable code = hidden.get(hidden.size() - 1);
        if (penalty instanceof Objective.Penalty.L1 l1) {
            reconstruction.add(NativeAutoencoder.LOSS, GraphTerms.l1(sd, code).mul(l1.lambda()));
        } else if (penalty instanceof Objective.Penalty.Contractive c) {
            reconstruction.add(NativeAutoencoder.LOSS,
                    GraphTerms.jacobianNorm(sd, weights, hidden, widths(shape), shape.hidden()).mul(c.lambda()));
        } else {
            sd.identity(NativeAutoencoder.LOSS, reconstruction);
        }
        GraphTerms.trainWithAdam(sd, learningRate);
        return new AutoencoderGraph(sd, shape);
    }

    private static List<Integer> widths(NetworkShape shape) {
        List<Integer> w = new ArrayList<>();
        w.add(shape.inputs());
        w.addAll(shape.sizes());
        return w;
    }

    NetworkShape shape() {
        return shape;
    }

    /** One pass of Adam updates over {@code batches}. */
    void fitEpoch(MultiDataSetIterator batches) {
        sd.fit(batches, 1);
    }

    /** The scalar {@code variable} (e.g. {@link NativeAutoencoder#LOSS}) on one chunk of rows. */
    double scalar(String variable, double[][] input, double[][] target) {
        Map<String, INDArray> feed = Map.of(NativeAutoencoder.INPUT, NdArrays.matrix(input),
                NativeAutoencoder.TARGET, NdArrays.matrix(target));
        return sd.output(feed, variable).get(variable).getDouble(0);
    }

    /** Copies of every trainable array, for keeping the best epoch's weights. */
    Map<String, INDArray> snapshot() {
        return GraphWeights.snapshot(sd);
    }

    void restore(Map<String, INDArray> snapshot) {
        GraphWeights.restore(sd, snapshot);
    }

    AutoencoderWeights weights() {
        List<LayerPair> pairs = new ArrayList<>();
        for (int k = 0; k < shape.depth(); k++) {
            double[][] decoder = sd.hasVariable("Wd" + k) ? NdArrays.toMatrix(sd.getArrForVarName("Wd" + k)) : null;
            pairs.add(new LayerPair(NdArrays.toMatrix(sd.getArrForVarName("W" + k)),
                    NdArrays.toVector(sd.getArrForVarName("b" + k)), decoder,
                    NdArrays.toVector(sd.getArrForVarName("c" + k))));
        }
        return new AutoencoderWeights(pairs);
    }

    /** The graph with its weights and Adam state, as {@link NativeAutoencoder#FILE_NAME}. */
    byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sd.save(out, true);
        return out.toByteArray();
    }
}
