package io.aestream.cli;

import io.aestream.stream.StreamCommand;
import io.aestream.trainer.cli.DenoiseCommand;
import io.aestream.trainer.cli.EncodeCommand;
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
 * {@code aestream} as shipped in the production jar and image: the trainer's commands (train, score, encode, denoise,
 * evaluate, inspect) and the stream app ({@code stream}). No embedded broker, demo or test kit: the development
 * launcher ({@code ./aestream}) adds those to this command line. Exit codes: {@link ExitCodes}.
 */
@Command(name = "aestream", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Autoencoders for anomaly detection and denoising of live streams (Deep Learning, ch. 14).", ""},
        commandListHeading = "%nCommands:%n",
        footer = {"", "Details:     aestream COMMAND --help",
                "Exit codes:  0 ok, 1 failed while running, 2 bad usage, input or configuration."},
        subcommands = {CommandLine.HelpCommand.class, TrainCommand.class, ScoreCommand.class, EncodeCommand.class, DenoiseCommand.class,
                EvaluateCommand.class, InspectCommand.class, StreamCommand.class})
public final class Main implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is required");
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The configured command line, with {@code extraCommands} (picocli {@code @Command} objects) beside the production
     * ones: what {@link #main} runs, and what the development launcher extends. Settings are applied after the extra
     * commands are added, since picocli copies them only to the subcommands present at the time.
     */
    public static CommandLine commandLine(Object... extraCommands) {
        CommandLine cl = new CommandLine(new Main());
        for (Object command : extraCommands) {
            cl.addSubcommand(command);
        }
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(new ErrorHandler());
        return cl;
    }

    /** The jar's Implementation-Version (set when a fat jar is built), or "dev" when run from classes. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"aestream " + (v == null ? "dev" : v),
                    "Java " + System.getProperty("java.version") + ", Kafka " + AppInfoParser.getVersion()};
        }
    }
}
