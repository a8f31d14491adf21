package io.aestream.trainer.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the trainer CLI in-process and captures its output. */
record CliRunner(int exitCode, String out, String err) {
    static CliRunner run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = new CommandLine(new TrainerCli()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new CliRunner(rc, out.toString(), err.toString());
    }
}
