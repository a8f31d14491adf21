package io.aestream.adaptive;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Where fine-tuning jobs run. The detector submits a job when it triggers and awaits it at its switch frame;
 * because a job is a pure function of its inputs, where and when it runs cannot change the outcome, only the
 * latency. {@link #inline()} (backtests, tests) computes at the switch frame; {@link #background(int)} (the
 * stream) trains on low-priority daemon threads and blocks at the switch frame only if still running.
 */
public interface FineTuneWorker extends AutoCloseable {

    void submit(long jobId, Supplier<FineTuneOutcome> task);

    /** The outcome of {@code jobId}; computed here from {@code task} if this worker never saw the job (e.g. restored state). */
    FineTuneOutcome await(long jobId, Supplier<FineTuneOutcome> task);

    @Override
    default void close() {
    }

    static FineTuneWorker inline() {
        return new FineTuneWorker() {
            @Override
            public void submit(long jobId, Supplier<FineTuneOutcome> task) {
            }

            @Override
            public FineTuneOutcome await(long jobId, Supplier<FineTuneOutcome> task) {
                return task.get();
            }
        };
    }

    /** At most {@code threads} jobs train at once, which bounds fine-tuning's CPU share. */
    static FineTuneWorker background(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("fine-tune threads: must be >= 1, got " + threads);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "aestream-fine-tune");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
        Map<Long, Future<FineTuneOutcome>> pending = new ConcurrentHashMap<>();
        return new FineTuneWorker() {
            @Override
            public void submit(long jobId, Supplier<FineTuneOutcome> task) {
                pending.computeIfAbsent(jobId, id -> pool.submit(task::get));
            }

            @Override
            public FineTuneOutcome await(long jobId, Supplier<FineTuneOutcome> task) {
                Future<FineTuneOutcome> f = pending.remove(jobId);
                if (f == null) {
                    return task.get();
                }
                try {
                    return f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for fine-tune job " + jobId, e);
                } catch (ExecutionException e) {
                    throw new IllegalStateException("fine-tune job " + jobId + " failed", e.getCause());
                }
            }

            @Override
            public void close() {
                pool.shutdownNow();
            }
        };
    }
}
