package io.aestream.trainer.train;

import io.aestream.scoring.Activation;
import io.aestream.scoring.DenseLayer;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A softmax classifier as a SameDiff graph: placeholders {@code input} (normalized frames) and {@code target}
 * (one-hot class rows scaled by the class weight), the layers {@code W<k>, b<k>} in order — the encoder first, then
 * an optional hidden layer and the head — and outputs {@code probabilities} and {@code loss}, the class-weighted
 * categorical cross-entropy (from the logits through a max-shifted log-softmax, finite however confident). A frozen encoder enters as constants, so only the
 * layers above it learn (the chapter's "train the new head first"); unfreezing is a new graph from the same weights.
 */
final class ClassifierGraph {
    static final String PROBABILITIES = "probabilities";

    private final SameDiff sd;
    private final List<Activation> activations;

    private ClassifierGraph(SameDiff sd, List<Activation> activations) {
        this.sd = sd;
        this.activations = activations;
    }

    /**
     * @param layers        the whole network, ending in a {@link Activation#SOFTMAX} head
     * @param frozenLayers  how many leading layers stay fixed (the encoder while the head learns; 0 to fine-tune)
     */
    static ClassifierGraph build(List<DenseLayer> layers, int frozenLayers, double learningRate) {
        if (layers.get(layers.size() - 1).activation() != Activation.SOFTMAX) {
            throw new IllegalArgumentException("classifier head: must be SOFTMAX, got " + layers.get(layers.size() - 1).activation());
        }
        if (frozenLayers < 0 || frozenLayers >= layers.size()) {
            throw new IllegalArgumentException("frozen layers: must be in [0, " + layers.size() + "), got " + frozenLayers);
        }
        SameDiff sd = SameDiff.create();
        SDVariable h = sd.placeHolder(NativeAutoencoder.INPUT, DataType.FLOAT, -1, layers.get(0).inputs());
        SDVariable target = sd.placeHolder(NativeAutoencoder.TARGET, DataType.FLOAT, -1, layers.get(layers.size() - 1).outputs());
        SDVariable logits = null;
        for (int k = 0; k < layers.size(); k++) {
            DenseLayer layer = layers.get(k);
            INDArray w = NdArrays.matrix(inputMajor(layer));
            INDArray b = NdArrays.vector(layer.bias());
            boolean frozen = k < frozenLayers;
            SDVariable z = h.mmul(frozen ? sd.constant("W" + k, w) : sd.var("W" + k, w))
                    .add(frozen ? sd.constant("b" + k, b) : sd.var("b" + k, b));
            if (k == layers.size() - 1) {
                logits = z;
                h = sd.nn.softmax(PROBABILITIES, z, 1);
            } else {
                h = GraphTerms.activate(sd, null, z, layer.activation());
            }
        }
        target.mul(GraphTerms.logSoftmax(sd, logits)).sum(1).mean().neg(NativeAutoencoder.LOSS);
        GraphTerms.trainWithAdam(sd, learningRate);
        return new ClassifierGraph(sd, layers.stream().map(DenseLayer::activation).toList());
    }

    /** One Adam step on one batch. */
    void fit(double[][] input, double[][] target) {
        sd.fit(new org.nd4j.linalg.dataset.MultiDataSet(NdArrays.matrix(input), NdArrays.matrix(target)));
    }

    double loss(double[][] input, double[][] target) {
        Map<String, INDArray> feed = Map.of(NativeAutoencoder.INPUT, NdArrays.matrix(input),
                NativeAutoencoder.TARGET, NdArrays.matrix(target));
        return sd.output(feed, NativeAutoencoder.LOSS).get(NativeAutoencoder.LOSS).getDouble(0);
    }

    /** Class probabilities as the engine computes them (what the lean {@link io.aestream.scoring.Classifier} must match). */
    double[][] probabilities(double[][] input) {
        return NdArrays.toMatrix(sd.output(Map.of(NativeAutoencoder.INPUT, NdArrays.matrix(input)), PROBABILITIES)
                .get(PROBABILITIES));
    }

    Map<String, INDArray> snapshot() {
        return GraphWeights.snapshot(sd);
    }

    void restore(Map<String, INDArray> snapshot) {
        GraphWeights.restore(sd, snapshot);
    }

    /** The current weights as plain layers (frozen ones unchanged). */
    List<DenseLayer> layers() {
        List<DenseLayer> out = new ArrayList<>();
        for (int k = 0; k < activations.size(); k++) {
            out.add(DenseLayer.fromInputMajor(NdArrays.toMatrix(sd.getArrForVarName("W" + k)),
                    NdArrays.toVector(sd.getArrForVarName("b" + k)), activations.get(k)));
        }
        return out;
    }

    /** W as {@code [inputs][outputs]}, the layout the graph multiplies by. */
    private static double[][] inputMajor(DenseLayer layer) {
        double[][] m = new double[layer.inputs()][layer.outputs()];
        for (int i = 0; i < layer.inputs(); i++) {
            for (int o = 0; o < layer.outputs(); o++) {
                m[i][o] = layer.weight(o, i);
            }
        }
        return m;
    }
}
