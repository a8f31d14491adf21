package io.aestream.trainer.train;

import org.nd4j.linalg.factory.Environment;
import org.nd4j.linalg.factory.Nd4j;

import java.util.function.Supplier;

/**
 * Runs training with ND4J on one thread. The matrices are tiny: extra threads only add synchronisation, which costs
 * 10-30x on a busy 2-core machine (measured), and a fixed thread count keeps float reductions in the same order run
 * to run, so a seed gives the same weights.
 */
public final class SingleThreaded {
    private SingleThreaded() {
    }

    public static <T> T call(Supplier<T> action) {
        Environment env = Nd4j.getEnvironment();
        int threads = env.maxThreads();
        int masterThreads = env.maxMasterThreads();
        env.setMaxThreads(1);
        env.setMaxMasterThreads(1);
        try {
            return action.get();
        } finally {
            env.setMaxThreads(threads);
            env.setMaxMasterThreads(masterThreads);
        }
    }
}
