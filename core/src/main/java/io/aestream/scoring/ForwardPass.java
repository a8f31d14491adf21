package io.aestream.scoring;

import java.util.List;

/**
 * Runs a {@link DenseNetwork} without allocating: two ping-pong buffers sized to the widest layer.
 * Not thread-safe: one instance per thread (a stream task, a CLI loop).
 */
public final class ForwardPass {
    private final DenseNetwork network;
    private final double[] a;
    private final double[] b;
    private final double[] code;

    public ForwardPass(DenseNetwork network) {
        this.network = network;
        int width = network.widestLayer();
        this.a = new double[width];
        this.b = new double[width];
        this.code = new double[network.codeSize()];
    }

    /**
     * Reconstructs {@code x} into {@code out} (length {@link DenseNetwork#outputSize()}); the code is then
     * available from {@link #code()}.
     */
    public void reconstruct(double[] x, double[] out) {
        if (x.length != network.inputSize()) {
            throw new IllegalArgumentException("frame: expected " + network.inputSize() + " features, found " + x.length);
        }
        List<DenseLayer> layers = network.layers();
        double[] in = x;
        double[] cur = a;
        double[] spare = b;
        for (int k = 0; k < layers.size(); k++) {
            DenseLayer layer = layers.get(k);
            layer.forward(in, cur);
            if (k == network.codeLayer()) {
                System.arraycopy(cur, 0, code, 0, code.length);
            }
            in = cur;
            double[] t = cur;
            cur = spare;
            spare = t;
        }
        System.arraycopy(in, 0, out, 0, network.outputSize());
    }

    /** The code h of the last {@link #reconstruct} call; a view, overwritten by the next call. */
    public double[] code() {
        return code;
    }

    public DenseNetwork network() {
        return network;
    }
}
