package io.aestream.launcher;

import io.aestream.launcher.bench.BenchCommand;
import io.aestream.launcher.consume.ConsumeCommand;
import io.aestream.launcher.demo.DemoCommand;
import io.aestream.launcher.example.ExampleDataCommand;
import io.aestream.launcher.produce.ProduceCommand;
import picocli.CommandLine;

/**
 * {@code ./aestream}: the production command line ({@link io.aestream.cli.Main}: train, score, denoise, evaluate,
 * inspect, stream) plus the development commands that need an embedded broker or example data ({@code demo},
 * {@code example-data}, {@code produce}, {@code consume}, {@code bench}). This jar is for development machines; the Docker image ships the production jar only.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line: what {@link #main} runs, and what tests drive in-process. */
    public static CommandLine commandLine() {
        CommandLine cl = io.aestream.cli.Main.commandLine(new DemoCommand(), new ProduceCommand(),
                new ConsumeCommand(), new BenchCommand(), new ExampleDataCommand());
        String[] footer = cl.getCommandSpec().usageMessage().footer();
        String[] withDemo = new String[footer.length + 1];
        withDemo[0] = footer[0];
        withDemo[1] = "Start with:  aestream demo    (local Kafka, example data, 3 models, live summary)";
        System.arraycopy(footer, 1, withDemo, 2, footer.length - 1);
        cl.getCommandSpec().usageMessage().footer(withDemo);
        return cl;
    }
}
