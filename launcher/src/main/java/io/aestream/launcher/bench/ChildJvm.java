package io.aestream.launcher.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A process measured on its own: a JVM on this launcher's class path, its GC log and its peak resident set.
 * Heap figures come from the GC log (the largest occupancy before a collection is the peak used; the largest after
 * one bounds the live data from above), RSS from Linux's VmHWM, the kernel's high-water mark of the resident set.
 */
final class ChildJvm implements AutoCloseable {
    /** {@code [gc] GC(3) Pause Young (Normal) (G1 Evacuation Pause) 24M->3M(256M) 3.456ms}. */
    private static final Pattern OCCUPANCY = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\(\\d+[KMG]\\)");
    private static final Duration SAMPLE = Duration.ofMillis(50);

    /**
     * Peak heap and the most left after a collection (bytes, 0 where no collection ran), peak RSS (bytes), wall time
     * from start to the end.
     */
    record Footprint(long peakHeap, long heapAfterGc, long peakRss, double seconds) { }

    private final Process process;
    private final Path gcLog;
    private final Path log;
    private final long startNanos = System.nanoTime();
    private long peakRss;

    private ChildJvm(Process process, Path gcLog, Path log) {
        this.process = process;
        this.gcLog = gcLog;
        this.log = log;
    }

    /** Starts {@code mainClass args} with {@code env} added to this process's environment; output goes to {@code dir}. */
    static ChildJvm start(Path dir, String name, Map<String, String> env, List<String> jvmOptions, String mainClass,
                          List<String> args) throws IOException {
        Files.createDirectories(dir);
        Path gcLog = dir.resolve(name + "-gc.log");
        Path log = dir.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:gc:file=" + gcLog));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        return new ChildJvm(pb.start(), gcLog, log);
    }

    /**
     * Waits until {@code done} holds (the process still running) or the process exits, sampling its resident set
     * meanwhile; the footprint so far. A process that exits is checked for success.
     */
    Footprint await(BooleanSupplier done, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (process.isAlive() && !done.getAsBoolean()) {
            peakRss = Math.max(peakRss, highWaterMark());
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("child JVM did not finish in " + timeout + "; its log: " + log);
            }
            process.waitFor(SAMPLE.toMillis(), TimeUnit.MILLISECONDS);
        }
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        if (process.isAlive()) {
            peakRss = Math.max(peakRss, highWaterMark());
        } else if (process.exitValue() != 0) {
            throw new IllegalStateException("child JVM exited with " + process.exitValue() + "; its log: " + log);
        }
        long[] heap = heap(Files.exists(gcLog) ? Files.readAllLines(gcLog) : List.of());
        return new Footprint(heap[0], heap[1], peakRss, seconds);
    }

    /** {peak used, most left after a collection} over the collections of a GC log, in bytes. */
    static long[] heap(List<String> gcLogLines) {
        long peak = 0;
        long live = 0;
        for (String line : gcLogLines) {
            Matcher m = OCCUPANCY.matcher(line);
            if (m.find()) {
                peak = Math.max(peak, bytes(m.group(1), m.group(2)));
                live = Math.max(live, bytes(m.group(3), m.group(4)));
            }
        }
        return new long[] {peak, live};
    }

    private static long bytes(String value, String unit) {
        long v = Long.parseLong(value);
        return switch (unit) {
            case "K" -> v << 10;
            case "M" -> v << 20;
            default -> v << 30;
        };
    }

    /** VmHWM of the process in bytes; 0 once it is gone or where /proc has none. */
    private long highWaterMark() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) << 10;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process ended between the check and the read: its last sample stands
        }
        return 0;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
