package io.aestream.trainer.train;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** double[] ⇄ float32 INDArray conversions (training runs in float32; exported weights are doubles). */
public final class NdArrays {
    private NdArrays() {
    }

    public static INDArray matrix(double[][] rows) {
        int n = rows.length;
        int m = rows[0].length;
        float[] flat = new float[n * m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                flat[i * m + j] = (float) rows[i][j];
            }
        }
        return Nd4j.create(flat, new long[] {n, m}, 'c');
    }

    public static INDArray vector(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return Nd4j.create(f, new long[] {v.length}, 'c');
    }

    public static double[][] toMatrix(INDArray a) {
        return a.castTo(DataType.DOUBLE).toDoubleMatrix();
    }

    public static double[] toVector(INDArray a) {
        return a.castTo(DataType.DOUBLE).toDoubleVector();
    }
}
