package io.aestream.trainer.cli;

import io.aestream.trainer.data.ColumnPlan;
import io.aestream.trainer.data.NormalizerKind;
import picocli.CommandLine.Option;

import java.util.List;

/** How {@code train} treats each tabular input column: types, monitored columns, the scale floor, constant columns. */
public final class ColumnOptions {
    @Option(names = "--column-types", defaultValue = "auto",
            description = "auto (binary 0/1 columns are Bernoulli, scored by cross-entropy; the rest Gaussian) or gaussian, then"
                    + " NAME=gaussian|bernoulli overrides, e.g. auto,valve=gaussian (default ${DEFAULT-VALUE})")
    String columnTypes;
    @Option(names = "--score-columns", split = ",",
            description = "monitored columns: the score, threshold and attribution use only these; the others are context the"
                    + " model reconstructs but never alerts on (default: every column)")
    List<String> scoreColumns;
    @Option(names = "--scale-floor", defaultValue = "0.01:1e-6",
            description = "REL[:ABS]: a column's scale is at least REL × its median absolute value on the training rows and at least ABS"
                    + " (default ${DEFAULT-VALUE})")
    String scaleFloor;
    @Option(names = "--keep-constant-columns",
            description = "keep columns that are constant on the training rows in the model input (default: left out, listed in"
                    + " the manifest and report)")
    boolean keepConstant;

    public ColumnPlan plan(NormalizerKind scaling) {
        ColumnPlan plan = ColumnPlan.withFloor(ColumnPlan.withTypes(ColumnPlan.defaults(scaling), columnTypes), scaleFloor);
        return plan.withScoreColumns(scoreColumns).withDropConstant(!keepConstant);
    }
}
