package io.aestream.trainer.train;

import io.aestream.scoring.Activation;
import io.aestream.scoring.Distribution;
import io.aestream.trainer.model.NetworkShape;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

import java.util.List;

/** The SameDiff expressions an autoencoder graph is made of: activations, reconstruction losses, code penalties. */
final class GraphTerms {
    private GraphTerms() {
    }

    /**
     * Makes {@code sd} trainable: Adam at {@code learningRate} on its {@code loss} variable, batches feeding the
     * {@code input} (features) and {@code target} (labels) placeholders; the gradient graph is built here, quietly.
     */
    static void trainWithAdam(SameDiff sd, double learningRate) {
        sd.setLossVariables(NativeAutoencoder.LOSS);
        sd.setTrainingConfig(TrainingConfig.builder()
                .updater(new Adam(learningRate))
                .dataSetFeatureMapping(NativeAutoencoder.INPUT)
                .dataSetLabelMapping(NativeAutoencoder.TARGET)
                .build());
        QuietStdout.run(sd::createGradFunction);
    }

    static SDVariable activate(SameDiff sd, String name, SDVariable z, Activation activation) {
        return switch (activation) {
            case IDENTITY -> sd.identity(name, z);
            case SIGMOID -> sd.nn.sigmoid(name, z);
            case TANH -> sd.math.tanh(name, z);
            case RELU -> sd.nn.relu(name, z, 0);
            case SOFTMAX -> sd.nn.softmax(name, z, 1);
        };
    }

    /** f'(a) written in terms of h = f(a), so the encoder's forward values are reused. */
    static SDVariable derivative(SameDiff sd, SDVariable h, Activation activation) {
        return switch (activation) {
            case IDENTITY -> sd.onesLike(h);
            case SIGMOID -> h.mul(h.rsub(1.0));
            case TANH -> h.mul(h).rsub(1.0);
            case RELU -> sd.math.sign(h);
            case SOFTMAX -> throw new IllegalArgumentException("activation: softmax is not a hidden-layer activation");
        };
    }

    /**
     * Mean per-feature negative log-likelihood of {@code target} under {@code distribution} — the unit of the
     * anomaly score ({@link Distribution#elementLoss}). Cross-entropies are taken from the logits for stability.
     */
    static SDVariable reconstruction(SameDiff sd, String name, Distribution distribution, SDVariable logits,
                                     SDVariable output, SDVariable target) {
        SDVariable perElement = switch (distribution) {
            case GAUSSIAN -> sd.math.squaredDifference(output, target);
            // BCE(z, x) = max(z, 0) − z·x + log(1 + e^−|z|)
            case BERNOULLI -> sd.nn.relu(logits, 0).sub(logits.mul(target))
                    .add(sd.math.log1p(sd.math.exp(sd.math.abs(logits).neg())));
            case CATEGORICAL -> target.mul(logSoftmax(sd, logits)).neg(); // over the features
        };
        return perElement.mean(name);
    }

    /**
     * log softmax over axis 1 as {@code z − max z − log Σ exp(z − max z)}: the largest exponent is 0, so the sum is at
     * least 1 and no term is log 0. DL4J's own {@code log_softmax} takes the log of the underflowed quotient instead
     * and returns −∞ for a logit about 100 below the largest; a cross-entropy then multiplies that by the target's 0
     * and the loss is NaN (SKAB's fault types with every label: confident logits after a few thousand Adam steps).
     */
    static SDVariable logSoftmax(SameDiff sd, SDVariable logits) {
        SDVariable shifted = logits.sub(logits.max(true, 1));
        return shifted.sub(sd.math.log(sd.math.exp(shifted).sum(true, 1)));
    }

    /**
     * Per-column likelihoods under a Gaussian model: squared error on the Gaussian features, cross-entropy on the
     * logits of the Bernoulli ones ({@code bernoulli[i]}), averaged over all features like {@link #reconstruction}.
     * The output layer is the identity, so {@code logits} is the output.
     */
    static SDVariable mixedReconstruction(SameDiff sd, String name, NetworkShape shape, boolean[] bernoulli, SDVariable logits,
                                          SDVariable target) {
        if (shape.loss() != Distribution.GAUSSIAN || shape.output() != Activation.IDENTITY || bernoulli.length != shape.inputs()) {
            throw new IllegalArgumentException("Bernoulli columns: need a Gaussian model with an identity output over "
                    + shape.inputs() + " features, got " + shape.loss() + "/" + shape.output() + " over " + bernoulli.length);
        }
        float[] m = new float[bernoulli.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = bernoulli[i] ? 1f : 0f;
        }
        SDVariable mask = sd.constant(Nd4j.create(m, 1, m.length));
        SDVariable squared = sd.math.squaredDifference(logits, target).mul(mask.rsub(1.0));
        SDVariable crossEntropy = sd.nn.relu(logits, 0).sub(logits.mul(target))
                .add(sd.math.log1p(sd.math.exp(sd.math.abs(logits).neg()))).mul(mask);
        return squared.add(crossEntropy).mean(name);
    }

    /** §14.2.1: mean over the batch of Σᵢ |hᵢ|. */
    static SDVariable l1(SameDiff sd, SDVariable code) {
        return sd.math.abs(code).sum(1).mean();
    }

    /**
     * §14.7: mean over the batch of the squared Frobenius norm of the exact encoder Jacobian
     * J = D_L W_Lᵀ ⋯ D_1 W_1ᵀ (D_k = diag f'(a_k)), built as a [batch, code, input] tensor layer by layer. For a
     * single layer this is the closed form Σⱼ f'(aⱼ)² Σᵢ Wᵢⱼ²; a deep encoder costs batch·code·input per layer.
     *
     * @param weights encoder weights, W_k of shape [in_k, out_k]
     * @param hidden  encoder outputs h_k, shape [batch, out_k]
     */
    static SDVariable jacobianNorm(SameDiff sd, List<SDVariable> weights, List<SDVariable> hidden, List<Integer> widths,
                                   Activation activation) {
        int inputs = widths.get(0);
        SDVariable jacobian = null;
        for (int k = 0; k < weights.size(); k++) {
            SDVariable d = sd.expandDims(derivative(sd, hidden.get(k), activation), 2);
            SDVariable w = weights.get(k);
            if (jacobian == null) {
                jacobian = d.mul(sd.expandDims(sd.transpose(w), 0));
            } else {
                // W_kᵀ J_{k-1} for every sample at once: fold the batch into the columns of one matrix product.
                SDVariable columns = jacobian.permute(1, 0, 2).reshape(widths.get(k), -1);
                SDVariable product = sd.mmul(w, columns, true, false, false);
                jacobian = d.mul(product.reshape(widths.get(k + 1), -1, inputs).permute(1, 0, 2));
            }
        }
        return sd.math.square(jacobian).sum(1, 2).mean();
    }
}
