package io.aestream.trainer.train;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

/**
 * The native SameDiff model stored in {@link TrainedModel#nativeFiles()} under {@link #FILE_NAME}: the whole
 * training graph (weights, loss, Adam state), so training can be resumed. Also runs it, which is how the
 * exported {@link io.aestream.scoring.DenseNetwork} is checked against the engine.
 */
public final class NativeAutoencoder {
    public static final String FILE_NAME = "model.samediff";
    /** Placeholder [batch, features]: the (possibly corrupted) input x̃. */
    public static final String INPUT = "input";
    /** Placeholder [batch, features]: the clean x the loss compares against. */
    public static final String TARGET = "target";
    public static final String CODE = "code";
    public static final String OUTPUT = "output";
    public static final String RECONSTRUCTION = "reconstruction";
    public static final String LOSS = "loss";

    private final SameDiff sd;

    private NativeAutoencoder(SameDiff sd) {
        this.sd = sd;
    }

    public static NativeAutoencoder fromBytes(byte[] bytes) {
        return new NativeAutoencoder(SameDiff.load(new ByteArrayInputStream(bytes), true));
    }

    /** The decoder's output for each row of {@code input} (normalized features). */
    public double[][] reconstruct(double[][] input) {
        return run(OUTPUT, input);
    }

    public double[][] encode(double[][] input) {
        return run(CODE, input);
    }

    /** Names of the trainable parameters (e.g. W0, b0, c0; Wd0 only when the decoder is not tied). */
    public List<String> parameterNames() {
        return sd.variables().stream()
                .filter(v -> v.getVariableType() == VariableType.VARIABLE)
                .map(SDVariable::name)
                .sorted()
                .toList();
    }

    private double[][] run(String variable, double[][] input) {
        return NdArrays.toMatrix(sd.output(Map.of(INPUT, NdArrays.matrix(input)), variable).get(variable));
    }
}
