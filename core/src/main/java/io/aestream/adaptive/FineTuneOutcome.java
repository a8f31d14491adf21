package io.aestream.adaptive;

import io.aestream.scoring.DenseNetwork;

/**
 * The result of one fine-tuning job, decided at its switch frame.
 *
 * @param accepted             whether the tuned weights went live
 * @param network              the tuned network (live only if accepted)
 * @param validationLossBefore mean loss of the current model on the held-out recent normal frames
 * @param validationLossAfter  the same for the tuned model
 */
public record FineTuneOutcome(boolean accepted, DenseNetwork network, double validationLossBefore,
                              double validationLossAfter) {
}
