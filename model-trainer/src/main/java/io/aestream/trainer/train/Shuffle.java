package io.aestream.trainer.train;

import java.util.SplittableRandom;

/** The one in-place Fisher–Yates permutation every seeded training loop and label draw of the trainer uses. */
public final class Shuffle {
    private Shuffle() {
    }

    public static void inPlace(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
