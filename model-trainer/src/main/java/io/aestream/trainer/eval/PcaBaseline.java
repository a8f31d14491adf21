package io.aestream.trainer.eval;

import io.aestream.bundle.BundleFormatException;
import io.aestream.bundle.BundleIO;
import io.aestream.bundle.Json;
import io.aestream.bundle.Manifest;
import io.aestream.scoring.Activation;
import io.aestream.scoring.DenseLayer;
import io.aestream.scoring.DenseNetwork;
import io.aestream.scoring.Distribution;
import io.aestream.scoring.Normalizer;
import io.aestream.scoring.Scorer;
import io.aestream.scoring.Threshold;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The chapter's linear autoencoder as a baseline: PCA with k components fitted on normalized training frames,
 * written as a two-layer identity network (h = Vᵀ(z − μ), ẑ = V h + μ) so that it is scored by the same
 * {@link io.aestream.scoring.Scorer} as the model. Its reconstruction error is the baseline anomaly score.
 *
 * @param network   the PCA projection as a {@link DenseNetwork} over normalized inputs
 * @param threshold chosen by the same method and on the same scores' counterparts as the model's
 */
public record PcaBaseline(DenseNetwork network, Threshold threshold) {

    /** Bundle file holding this baseline next to the model. */
    public static final String FILE = "baseline-pca.json";

    /** The baseline stored in a bundle (checksum-verified). */
    public static PcaBaseline read(Path bundle) {
        try {
            return Json.mapper().readValue(BundleIO.readFile(bundle, FILE), PcaBaseline.class);
        } catch (IOException e) {
            throw new BundleFormatException("bundle " + bundle + ": invalid " + FILE + ": " + e.getMessage(), e);
        }
    }

    /** As the bundle's model is scored: its normalizer and monitored columns, squared error on every one of them. */
    public Scorer scorer(Manifest manifest) {
        return new Scorer(network, manifest.normalizer(), manifest.likelihood().asGaussian());
    }

    /** Top-{@code k} principal subspace of {@code z} (rows × features, already normalized). */
    public static DenseNetwork fit(double[][] z, int k) {
        int d = z[0].length;
        if (k < 1 || k > d) {
            throw new IllegalArgumentException("pca components: must be in [1, " + d + "], got " + k);
        }
        Basis basis = Basis.of(z);
        double[][] v = new double[d][k];
        for (int c = 0; c < k; c++) {
            int col = d - 1 - c;
            for (int j = 0; j < d; j++) {
                v[j][c] = basis.vectors().getDouble(j, col);
            }
        }
        return network(v, basis.mean());
    }

    /** The covariance eigenvalues of {@code z} (rows × features), descending: the variance along each component. */
    public static double[] eigenvalues(double[][] z) {
        double[] ascending = Basis.of(z).values();
        double[] out = new double[ascending.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = ascending[out.length - 1 - i];
        }
        return out;
    }

    /** Mean, covariance eigenvalues (ascending) and eigenvectors (in columns, same order). */
    private record Basis(double[] mean, double[] values, INDArray vectors) {
        static Basis of(double[][] z) {
            int n = z.length;
            int d = z[0].length;
            double[] mean = new double[d];
            for (double[] row : z) {
                for (int j = 0; j < d; j++) {
                    mean[j] += row[j] / n;
                }
            }
            INDArray x = Nd4j.create(z).castTo(DataType.DOUBLE);
            x.subiRowVector(Nd4j.createFromArray(mean));
            INDArray vectors = x.transpose().mmul(x).divi(Math.max(1, n - 1)).dup('c');
            INDArray values = Eigen.symmetricGeneralizedEigenvalues(vectors, true); // vectors overwrite the matrix
            return new Basis(mean, values.toDoubleVector(), vectors);
        }
    }

    private static DenseNetwork network(double[][] v, double[] mean) {
        int d = v.length;
        int k = v[0].length;
        double[] encBias = new double[k];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                encBias[c] -= v[j][c] * mean[j];
            }
        }
        double[][] decoder = new double[k][d];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                decoder[c][j] = v[j][c];
            }
        }
        DenseLayer encode = DenseLayer.fromInputMajor(v, encBias, Activation.IDENTITY);
        DenseLayer decode = DenseLayer.fromInputMajor(decoder, mean, Activation.IDENTITY);
        return new DenseNetwork(List.of(encode, decode), 0);
    }
}
