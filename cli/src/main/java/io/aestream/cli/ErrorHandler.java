package io.aestream.cli;

import io.aestream.bundle.BundleFormatException;
import io.aestream.trainer.data.BadInputException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception from a command into one line on stderr and an exit code: bad input or configuration
 * ({@link IllegalArgumentException}, which every validating constructor throws, a trainer {@link BadInputException}
 * or a {@link BundleFormatException}) is 2, anything else 1.
 * Set AESTREAM_DEBUG=1 for the stack trace.
 */
final class ErrorHandler implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parseResult) {
        boolean badInput = e instanceof IllegalArgumentException || e instanceof BadInputException
                || e instanceof BundleFormatException;
        cmd.getErr().println(cmd.getColorScheme().errorText(cmd.getCommandName() + ": " + message(e)));
        if (System.getenv("AESTREAM_DEBUG") != null) {
            e.printStackTrace(cmd.getErr());
        }
        return badInput ? ExitCodes.USAGE : ExitCodes.FAILURE;
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
