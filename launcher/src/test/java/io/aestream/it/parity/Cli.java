package io.aestream.it.parity;

import io.aestream.launcher.Main;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs {@code ./aestream} in-process, exactly as the jar's main would parse the arguments. */
public final class Cli {
    private Cli() {
    }

    /**
     * Runs one command and returns what it printed.
     *
     * @throws IllegalStateException naming the command line and its stderr when it exits with anything but 0
     */
    public static String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = Main.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
        if (rc != 0) {
            throw new IllegalStateException("aestream " + String.join(" ", args) + " exited with " + rc + ": " + err);
        }
        return out.toString();
    }
}
