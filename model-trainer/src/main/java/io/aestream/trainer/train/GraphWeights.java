package io.aestream.trainer.train;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.LinkedHashMap;
import java.util.Map;

/** Copies of a SameDiff graph's trainable arrays, for keeping the best epoch's weights under early stopping. */
public final class GraphWeights {
    private GraphWeights() {
    }

    public static Map<String, INDArray> snapshot(SameDiff sd) {
        Map<String, INDArray> copy = new LinkedHashMap<>();
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE) {
                copy.put(v.name(), v.getArr().dup());
            }
        }
        return copy;
    }

    public static void restore(SameDiff sd, Map<String, INDArray> snapshot) {
        snapshot.forEach((name, arr) -> sd.getArrForVarName(name).assign(arr));
    }
}
