package io.aestream.adaptive;

import io.aestream.scoring.DenseNetwork;

import java.util.Arrays;

/**
 * One fine-tuning job: a pure function of the current network, a snapshot of recent normal frames and the
 * schedule, so running it now, later, on another thread or again after a restart gives the same weights.
 * Trains on the older part of the snapshot and validates on the most recent part.
 *
 * @param id      content hash of the inputs: identical ids mean identical results, which lets a worker cache by id
 * @param applyAt frame index before which the outcome is applied
 * @param attempt 0-based job counter of this key; job k trains with seed {@code training.seed + k}
 * @param frames  the buffer at trigger time, oldest first
 */
public record FineTuneJob(long id, long applyAt, int attempt, double[][] frames) {

    static FineTuneJob of(DenseNetwork base, long applyAt, int attempt, double[][] frames) {
        long h = 0x9E3779B97F4A7C15L ^ applyAt * 31 ^ attempt;
        for (double[] f : frames) {
            h = mix(h, Arrays.hashCode(f));
        }
        h = mix(h, base.hashCode());
        return new FineTuneJob(h, applyAt, attempt, frames);
    }

    private static long mix(long h, long v) {
        long x = (h ^ v) * 0xBF58476D1CE4E5B9L;
        return x ^ (x >>> 31);
    }

    FineTuneOutcome run(DenseNetwork base, FineTuner tuner, FineTuneSchedule schedule) {
        int validation = Math.max(1, (int) Math.round(frames.length * schedule.validationFraction()));
        int train = frames.length - validation;
        if (train < 1) {
            throw new IllegalArgumentException("fine-tune job: " + frames.length + " frames leave none for training");
        }
        double[][] trainFrames = Arrays.copyOfRange(frames, 0, train);
        double[][] validationFrames = Arrays.copyOfRange(frames, train, frames.length);
        DenseNetwork tuned = tuner.fineTune(base, trainFrames,
                schedule.training().withSeed(schedule.training().seed() + attempt));
        double before = tuner.meanLoss(base, validationFrames);
        double after = tuner.meanLoss(tuned, validationFrames);
        return new FineTuneOutcome(after <= before * (1 + schedule.acceptMargin()), tuned, before, after);
    }
}
