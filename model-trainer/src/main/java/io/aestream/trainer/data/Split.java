package io.aestream.trainer.data;

/**
 * Training and validation rows in time order: validation is the last {@code validationFraction} of the
 * training range, so the model is never validated on rows older than the ones it was fitted on and nothing is
 * shuffled across the split.
 */
public record Split(RowRange train, RowRange validation) {
    public Split {
        if (validation.length() > 0 && validation.start() < train.end()) {
            throw new IllegalArgumentException("split: validation " + validation + " must come after training " + train);
        }
    }

    /**
     * @param rangeText          {@code A:B} or null
     * @param trainFraction      share of all rows from the start, used when {@code rangeText} is null
     * @param validationFraction share of the training range held out at its end, in [0, 1)
     */
    public static Split of(String rangeText, double trainFraction, double validationFraction, int rows) {
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validation fraction: must be in [0, 1), got " + validationFraction);
        }
        RowRange all;
        if (rangeText != null) {
            all = RowRange.parse(rangeText, rows);
        } else {
            if (!(trainFraction > 0 && trainFraction <= 1)) {
                throw new IllegalArgumentException("train fraction: must be in (0, 1], got " + trainFraction);
            }
            all = new RowRange(0, (int) Math.round(rows * trainFraction));
        }
        int held = (int) Math.round(all.length() * validationFraction);
        int cut = all.end() - held;
        return new Split(new RowRange(all.start(), cut), new RowRange(cut, all.end()));
    }

    /** Both parts together: the rows the model may learn from. */
    public RowRange fitted() {
        return new RowRange(train.start(), validation.length() > 0 ? validation.end() : train.end());
    }
}
