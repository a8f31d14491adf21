package io.aestream.trainer.speech;

import io.aestream.scoring.Activation;
import io.aestream.scoring.DenseLayer;
import io.aestream.scoring.DenseNetwork;
import io.aestream.trainer.train.GraphWeights;
import io.aestream.trainer.train.NdArrays;
import io.aestream.trainer.train.QuietStdout;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.learning.config.Adam;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The mask network as a SameDiff graph: placeholders {@code input} (the noisy frame's model input, standardized),
 * {@code target} (phase-sensitive mask) and {@code weight} (per-bin loss weight); ReLU hidden layers {@code W<k>, b<k>}
 * (the encoder) and a sigmoid output o; the gain g = g_min + (1 − g_min) · o is applied to the noisy magnitude, and the
 * loss is the weighted squared error mean(w · (g − t)²): with w = |X|² that is the squared error of the masked noisy
 * spectrum against the clean one (projected on the noisy phase). Adam, float32.
 */
final class MaskGraph {
    private final SameDiff sd;
    private final int layers;

    private MaskGraph(SameDiff sd, int layers) {
        this.sd = sd;
        this.layers = layers;
    }

    static MaskGraph build(int inputs, List<Integer> hidden, int outputs, double gainFloor, double learningRate, SplittableRandom rng) {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("input", DataType.FLOAT, -1, inputs);
        SDVariable target = sd.placeHolder("target", DataType.FLOAT, -1, outputs);
        SDVariable weight = sd.placeHolder("weight", DataType.FLOAT, -1, outputs);
        SDVariable h = x;
        int width = inputs;
        List<Integer> sizes = new ArrayList<>(hidden);
        sizes.add(outputs);
        for (int k = 0; k < sizes.size(); k++) {
            int out = sizes.get(k);
            boolean last = k == sizes.size() - 1;
            // He initialisation for ReLU layers, Glorot for the sigmoid output
            double std = last ? Math.sqrt(2.0 / (width + out)) : Math.sqrt(2.0 / width);
            SDVariable w = sd.var("W" + k, NdArrays.matrix(gaussian(width, out, std, rng)));
            SDVariable b = sd.var("b" + k, NdArrays.vector(new double[out]));
            SDVariable z = h.mmul(w).add(b);
            h = last ? sd.nn.sigmoid("mask", z) : sd.nn.relu(z, 0);
            width = out;
        }
        SDVariable gain = h.mul(1 - gainFloor).add(gainFloor);
        SDVariable err = gain.sub(target);
        sd.math.square(err).mul(weight).mean("loss");
        sd.setLossVariables("loss");
        sd.setTrainingConfig(TrainingConfig.builder()
                .updater(new Adam(learningRate))
                .dataSetFeatureMapping("input")
                .dataSetLabelMapping("target", "weight")
                .build());
        QuietStdout.run(sd::createGradFunction);
        return new MaskGraph(sd, sizes.size());
    }

    private static double[][] gaussian(int rows, int cols, double std, SplittableRandom rng) {
        double[][] w = new double[rows][cols];
        for (double[] row : w) {
            for (int j = 0; j < cols; j++) {
                row[j] = std * rng.nextGaussian();
            }
        }
        return w;
    }

    static MultiDataSet batch(double[][] inputs, double[][] targets, double[][] weights) {
        return new org.nd4j.linalg.dataset.MultiDataSet(new INDArray[] {NdArrays.matrix(inputs)},
                new INDArray[] {NdArrays.matrix(targets), NdArrays.matrix(weights)});
    }

    void fit(MultiDataSet batch) {
        sd.fit(batch);
    }

    double loss(double[][] inputs, double[][] targets, double[][] weights) {
        Map<String, INDArray> feed = Map.of("input", NdArrays.matrix(inputs), "target", NdArrays.matrix(targets),
                "weight", NdArrays.matrix(weights));
        return sd.output(feed, "loss").get("loss").getDouble(0);
    }

    Map<String, INDArray> snapshot() {
        return GraphWeights.snapshot(sd);
    }

    void restore(Map<String, INDArray> snapshot) {
        GraphWeights.restore(sd, snapshot);
    }

    /** The network as plain arrays; the code layer is the last hidden layer. */
    DenseNetwork toNetwork() {
        List<DenseLayer> out = new ArrayList<>();
        for (int k = 0; k < layers; k++) {
            out.add(DenseLayer.fromInputMajor(NdArrays.toMatrix(sd.getArrForVarName("W" + k)),
                    NdArrays.toVector(sd.getArrForVarName("b" + k)), k == layers - 1 ? Activation.SIGMOID : Activation.RELU));
        }
        return new DenseNetwork(out, Math.max(0, layers - 2));
    }

    static void singleThreaded(Runnable r) {
        io.aestream.trainer.train.SingleThreaded.call(() -> {
            r.run();
            return null;
        });
    }
}
