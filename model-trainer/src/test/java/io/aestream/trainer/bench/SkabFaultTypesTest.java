package io.aestream.trainer.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The runner checks the classifier options it passes through before it trains anything. */
class SkabFaultTypesTest {
    @TempDir
    Path work;

    @Test
    void shouldRejectANonPositiveHeadRateNamingItBeforeTraining() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new SkabFaultTypes()).setErr(new PrintWriter(err));

        int rc = cli.execute("--data", work.resolve("absent").toString(), "--work", work.toString(), "--head-rate", "0");

        assertThat(rc).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("learning rates: must be > 0, got 0.0 (head) and 0.001 (fine-tune)");
        assertThat(work.resolve("parent")).doesNotExist();
    }

    @Test
    void shouldRejectNoEpochsAtAll() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new SkabFaultTypes()).setErr(new PrintWriter(err));

        int rc = cli.execute("--work", work.toString(), "--head-epochs", "0", "--fine-tune-epochs", "0");

        assertThat(rc).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("epochs: head and fine-tune epochs must be >= 0 and not both 0, got 0 and 0");
    }
}
