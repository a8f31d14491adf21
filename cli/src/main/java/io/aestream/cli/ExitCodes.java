package io.aestream.cli;

/** The process exit codes of every aestream command. */
public final class ExitCodes {
    public static final int OK = 0;
    /** Failed while running. */
    public static final int FAILURE = 1;
    /** Bad usage, input or configuration. */
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
