package io.aestream.trainer.train;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * SameDiff 1.0.0-M2.1 prints one "Added differentiated op …" line to System.out per op while it builds the
 * gradient graph (an unconditional println, not a log call), which would corrupt a CLI's stdout. This drops
 * exactly those lines during {@code action} and passes everything else through.
 */
public final class QuietStdout {
    private static final String NOISE = "Added differentiated op";

    private QuietStdout() {
    }

    public static synchronized void run(Runnable action) {
        PrintStream original = System.out;
        PrintStream filtered = new PrintStream(new LineFilter(original), true, StandardCharsets.UTF_8);
        System.setOut(filtered);
        try {
            action.run();
        } finally {
            filtered.flush();
            System.setOut(original);
        }
    }

    private static final class LineFilter extends OutputStream {
        private final PrintStream target;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineFilter(PrintStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) {
            line.write(b);
            if (b == '\n') {
                emit();
            }
        }

        @Override
        public void flush() {
            emit();
        }

        private void emit() {
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            if (!text.isEmpty() && !text.startsWith(NOISE)) {
                target.print(text);
                target.flush();
            }
        }
    }
}
