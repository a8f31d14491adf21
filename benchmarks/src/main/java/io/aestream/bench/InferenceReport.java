package io.aestream.bench;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs {@link InferenceBenchmark} and prints each variant's cost per frame as a ratio to the lean forward pass
 * measured in the same run, so the figure does not depend on how fast this machine is.
 */
public final class InferenceReport {
    private InferenceReport() {
    }

    public static void main(String[] args) throws RunnerException {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(InferenceBenchmark.class.getName()).build()).run();
        Map<String, Double> perFrameUs = new LinkedHashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark().replaceFirst(".*\\.", "");
            double us = r.getPrimaryResult().getScore();
            perFrameUs.put(name, name.endsWith("Batch256") ? us / InferenceBenchmark.BATCH : us);
        }
        double reference = perFrameUs.get("leanFrame");
        System.out.printf("%n%-18s %14s %18s%n", "variant", "µs per frame", "× lean forward");
        perFrameUs.forEach((name, us) -> System.out.printf("%-18s %14.3f %18.1f%n", name, us, us / reference));
    }
}
