package io.aestream.launcher;

import io.aestream.launcher.bench.BenchCommand;
import io.aestream.launcher.consume.ConsumeCommand;
import io.aestream.launcher.demo.DemoCommand;
import io.aestream.launcher.produce.ProduceCommand;
import io.aestream.stream.StreamCommand;
import io.aestream.trainer.cli.DenoiseCommand;
import io.aestream.trainer.cli.EvaluateCommand;
import io.aestream.trainer.cli.InspectCommand;
import io.aestream.trainer.cli.ScoreCommand;
import io.aestream.trainer.cli.TrainCommand;
import org.apache.kafka.common.utils.AppInfoParser;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code aestream}: the trainer's commands (train, score, denoise, evaluate, inspect), the stream app
 * ({@code stream}), and the launcher's own {@code demo}, {@code produce}, {@code consume} and {@code bench}, in one CLI.
 * Exit codes: 0 success, 1 failure while running, 2 bad usage, input or configuration.
 */
@Command(name = "aestream", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Autoencoders for anomaly detection and denoising of live streams (Deep Learning, ch. 14).", ""},
        commandListHeading = "%nCommands:%n",
        footer = {"", "Start with:  aestream demo    (local Kafka, example data, 3 models, live summary)",
                "Details:     aestream COMMAND --help",
                "Exit codes:  0 ok, 1 failed while running, 2 bad usage, input or configuration."},
        subcommands = {CommandLine.HelpCommand.class, DemoCommand.class, TrainCommand.class, ScoreCommand.class,
                DenoiseCommand.class, EvaluateCommand.class, InspectCommand.class, StreamCommand.class, ProduceCommand.class,
                ConsumeCommand.class, BenchCommand.class})
public final class Main implements Runnable {
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is required");
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line: what {@link #main} runs, and what tests drive in-process. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(new ErrorHandler());
        return cl;
    }

    /** The jar's Implementation-Version (set when the fat jar is built), or "dev" when run from classes. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"aestream " + (v == null ? "dev" : v),
                    "Java " + System.getProperty("java.version") + ", Kafka " + AppInfoParser.getVersion()};
        }
    }
}
