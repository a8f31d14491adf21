package io.aestream.launcher.example;

import io.aestream.launcher.demo.data.ExampleData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code aestream example-data}: the demo's example data on its own, so that every command of the README can be
 * tried as written on a machine that has no data of its own yet.
 */
@Command(name = "example-data", mixinStandardHelpOptions = true,
        description = {"Write the demo's example data: six pump sensors (a fault-free training part and an evaluation part",
                "with labelled faults in an 'anomaly' column), speech-like audio for training, a noise recording, and a",
                "clean/noisy evaluation clip under the same name in two folders."},
        footer = {"", "Example:", "  aestream example-data --out example-data"})
public final class ExampleDataCommand implements Callable<Integer> {

    @Option(names = "--out", defaultValue = "example-data", description = "Folder to write (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of every generated series (default ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ExampleData.Files files = ExampleData.write(ExampleData.Plan.defaults(seed), out);
        PrintWriter console = spec.commandLine().getOut();
        console.printf("wrote %s: %s (%d rows, fault-free), %s (%d rows, %d labelled faults), %s, %s, %s and %s%n", out,
                out.relativize(files.trainingCsv()), ExampleData.Plan.defaults(seed).trainingRows(),
                out.relativize(files.evaluationCsv()), files.evaluation().rows(), files.evaluation().anomalies().size(),
                out.relativize(files.trainingSpeechWav()), out.relativize(files.noiseWav()),
                out.relativize(files.noisySpeechWav()), out.relativize(files.cleanSpeechWav()));
        return 0;
    }
}
