package io.aestream.adaptive;

import io.aestream.scoring.Activation;
import io.aestream.scoring.DenseLayer;
import io.aestream.scoring.DenseNetwork;

import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Binary encoding of the pieces of {@link AdaptiveState}; lengths are checked against a sanity bound on read. */
final class Codec {
    /** Larger than any real frame, buffer or network layer; guards against allocating from corrupt bytes. */
    private static final int MAX_LENGTH = 1 << 26;

    private Codec() {
    }

    static void writeDoubles(DataOutput out, double[] v) throws IOException {
        out.writeInt(v.length);
        for (double d : v) {
            out.writeDouble(d);
        }
    }

    static double[] readDoubles(DataInput in) throws IOException {
        double[] v = new double[readLength(in, "values")];
        for (int i = 0; i < v.length; i++) {
            v[i] = in.readDouble();
        }
        return v;
    }

    static int readLength(DataInput in, String what) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_LENGTH) {
            throw new IllegalArgumentException("adaptive state: bad " + what + " length " + n);
        }
        return n;
    }

    static void writeNetwork(DataOutput out, DenseNetwork network) throws IOException {
        out.writeInt(network.codeLayer());
        out.writeInt(network.layers().size());
        for (DenseLayer l : network.layers()) {
            out.writeInt(l.inputs());
            out.writeInt(l.outputs());
            out.writeUTF(l.activation().name());
            writeDoubles(out, l.weights());
            writeDoubles(out, l.bias());
        }
    }

    /** The network as {@link #writeNetwork} writes it, standalone. */
    static byte[] networkBytes(DenseNetwork network) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writeNetwork(out, network);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static DenseNetwork readNetwork(DataInput in) throws IOException {
        int codeLayer = in.readInt();
        int n = readLength(in, "layers");
        List<DenseLayer> layers = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            int inputs = in.readInt();
            int outputs = in.readInt();
            Activation act = Activation.valueOf(in.readUTF());
            layers.add(new DenseLayer(inputs, outputs, readDoubles(in), readDoubles(in), act));
        }
        return new DenseNetwork(layers, codeLayer);
    }
}
