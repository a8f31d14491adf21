package io.aestream.sampling;

import java.util.random.RandomGenerator;

/**
 * The one in-place Fisher–Yates permutation of the project: the trainer's seeded training loops and label draws
 * (SplittableRandom) and the stream's in-place fine-tuning (Random) both shuffle with it.
 */
public final class Shuffle {
    private Shuffle() {
    }

    public static void inPlace(int[] a, RandomGenerator rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
