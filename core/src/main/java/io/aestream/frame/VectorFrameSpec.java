package io.aestream.frame;

import java.util.List;

/** Each row (record) of the chosen columns is one frame. */
public record VectorFrameSpec(List<String> columns) implements TabularFrameSpec {
    public VectorFrameSpec {
        FrameSpec.requireColumns(columns);
        columns = List.copyOf(columns);
    }

    @Override
    public int inputSize() {
        return columns.size();
    }

    @Override
    public List<String> featureNames() {
        return columns;
    }

    @Override
    public String layout() {
        return "vector";
    }
}
