package io.aestream.scoring;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The column spec of a tabular bundle: one {@link ColumnSpec} per model input column, in frame order, plus the
 * columns that were constant in training and so were left out of the model input (name → their value).
 */
public record InputColumns(List<ColumnSpec> columns, Map<String, Double> constant) {

    public InputColumns {
        if (columns == null || columns.isEmpty()) {
            throw new IllegalArgumentException("columns: at least one column spec is required");
        }
        columns = List.copyOf(columns);
        constant = constant == null ? Map.of() : new TreeMap<>(constant);
        if (columns.stream().noneMatch(ColumnSpec::monitored)) {
            throw new IllegalArgumentException("columns: at least one column must be monitored, got only context columns "
                    + columns.stream().map(ColumnSpec::name).toList());
        }
        for (ColumnSpec c : columns) {
            if (constant.containsKey(c.name())) {
                throw new IllegalArgumentException("columns: " + c.name() + " is both a model input and a constant column");
            }
        }
    }

    public List<String> names() {
        return columns.stream().map(ColumnSpec::name).toList();
    }

    public List<String> monitoredNames() {
        return columns.stream().filter(ColumnSpec::monitored).map(ColumnSpec::name).toList();
    }
}
