package io.aestream.trainer.cli;

import io.aestream.bundle.BundleFormatException;
import io.aestream.trainer.data.BadInputException;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * Runs a subcommand and turns the errors a user can fix (bad input, bad option values, an unusable bundle)
 * into one line on stderr and exit code 2, instead of a stack trace.
 */
abstract class BaseCommand implements Callable<Integer> {
    static final int USER_ERROR = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        try {
            return run();
        } catch (BadInputException | BundleFormatException | IllegalArgumentException e) {
            err().println("error: " + e.getMessage());
            err().flush();
            return USER_ERROR;
        }
    }

    protected abstract int run() throws Exception;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
