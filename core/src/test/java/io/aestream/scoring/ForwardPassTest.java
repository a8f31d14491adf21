package io.aestream.scoring;

import io.aestream.testing.Networks;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ForwardPassTest {

    /** Straightforward reference: allocate, multiply, activate. */
    private static double[] reference(DenseNetwork net, double[] x) {
        double[] cur = x;
        for (DenseLayer l : net.layers()) {
            double[] next = new double[l.outputs()];
            for (int o = 0; o < l.outputs(); o++) {
                double acc = l.bias()[o];
                for (int i = 0; i < l.inputs(); i++) {
                    acc += l.weight(o, i) * cur[i];
                }
                next[o] = switch (l.activation()) {
                    case IDENTITY -> acc;
                    case SIGMOID -> 1 / (1 + Math.exp(-acc));
                    case TANH -> Math.tanh(acc);
                    case RELU -> Math.max(0, acc);
                    case SOFTMAX -> acc;
                };
            }
            if (l.activation() == Activation.SOFTMAX) {
                double max = java.util.Arrays.stream(next).max().orElseThrow();
                double sum = 0;
                for (int i = 0; i < next.length; i++) {
                    next[i] = Math.exp(next[i] - max);
                    sum += next[i];
                }
                for (int i = 0; i < next.length; i++) {
                    next[i] /= sum;
                }
            }
            cur = next;
        }
        return cur;
    }

    @Test
    void shouldMatchReferenceForEveryActivation() {
        for (Activation act : List.of(Activation.IDENTITY, Activation.SIGMOID, Activation.TANH, Activation.RELU)) {
            for (Activation out : List.of(Activation.IDENTITY, Activation.SIGMOID, Activation.SOFTMAX)) {
                DenseNetwork net = Networks.random(12, 8, 3, act, out, 42);
                ForwardPass fp = new ForwardPass(net);
                double[] x = new double[12];
                for (int i = 0; i < x.length; i++) {
                    x[i] = Math.sin(i * 1.3) * 2;
                }
                double[] got = new double[12];
                fp.reconstruct(x, got);
                double[] want = reference(net, x);
                for (int i = 0; i < 12; i++) {
                    assertThat(got[i]).as("%s/%s output %d", act, out, i).isCloseTo(want[i], within(1e-12));
                }
                assertThat(fp.code()).hasSize(3);
            }
        }
    }

    @Test
    void shouldRejectFrameOfWrongWidth() {
        ForwardPass fp = new ForwardPass(Networks.identity(4));
        assertThatThrownBy(() -> fp.reconstruct(new double[3], new double[4]))
                .hasMessage("frame: expected 4 features, found 3");
    }

    @Test
    void shouldRejectLayersThatDoNotChain() {
        DenseLayer a = new DenseLayer(4, 3, new double[12], new double[3], Activation.TANH);
        DenseLayer b = new DenseLayer(2, 4, new double[8], new double[4], Activation.IDENTITY);
        assertThatThrownBy(() -> new DenseNetwork(List.of(a, b), 0))
                .hasMessage("network layer 1: expected 3 inputs (outputs of layer 0), found 2");
    }

    @Test
    void shouldTransposeDl4jWeightLayout() {
        double[][] wInOut = {{1, 2, 3}, {4, 5, 6}};
        DenseLayer l = DenseLayer.fromInputMajor(wInOut, new double[3], Activation.IDENTITY);
        assertThat(l.inputs()).isEqualTo(2);
        assertThat(l.outputs()).isEqualTo(3);
        assertThat(l.weight(2, 1)).isEqualTo(6);
        assertThat(l.weight(0, 1)).isEqualTo(4);
    }
}
