package io.aestream.trainer.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The trainer's commands under one top command (the launcher mounts the same classes into {@code ./aestream}). */
@Command(name = "aestream-trainer", mixinStandardHelpOptions = true,
        description = "Train, score, denoise, evaluate and inspect autoencoder model bundles.",
        subcommands = {TrainCommand.class, ScoreCommand.class, EncodeCommand.class, DenoiseCommand.class, EvaluateCommand.class,
                InspectCommand.class})
public class TrainerCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new TrainerCli()).execute(args));
    }
}
