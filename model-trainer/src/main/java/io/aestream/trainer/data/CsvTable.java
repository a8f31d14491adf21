package io.aestream.trainer.data;

import java.nio.file.Path;

/**
 * The rows of one CSV file: feature values of the chosen columns and, where asked for, timestamps and labels.
 *
 * @param values     rows × columns, finite
 * @param timestamps per row, or null without a timestamp column
 * @param labels     per row (true = anomalous), or null without a label column
 * @param lines      the 1-based line number of each row in the file, for messages
 */
public record CsvTable(Path file, double[][] values, String[] timestamps, boolean[] labels, long[] lines) {
    public int rows() {
        return values.length;
    }
}
